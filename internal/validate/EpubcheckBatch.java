// EpubcheckBatch runs EPUBCheck over several books in one JVM (the command
// line tool takes one book, and starting a JVM per book was most of the test
// time). Each book's report is framed by marker lines so every message stays
// attributed to its book:
//
//	@@epubcheck-begin PATH
//	...EPUBCheck's own output...
//	@@epubcheck-end STATUS PATH
//
// It is run by the Java source launcher (java -cp epubcheck.jar
// EpubcheckBatch.java BOOK...), so nothing is compiled ahead of time.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.PrintStream;

public class EpubcheckBatch {
  public static void main(String[] args) {
    PrintStream out = System.out;
    System.setErr(out);
    for (String path : args) {
      out.println("@@epubcheck-begin " + path);
      int status;
      try {
        status = new EpubChecker().run(new String[] {path});
      } catch (Throwable e) {
        e.printStackTrace(out);
        status = -1;
      }
      out.println("@@epubcheck-end " + status + " " + path);
      out.flush();
    }
  }
}
