package pdf
import ("testing"; "context"; "os")
func TestDump(t *testing.T){ for _, p := range fixtures { d:=readFixture(t, p); b,err:=(&Writer{TOC: os.Getenv("TOC")!="", FiguresTable: os.Getenv("FIG")!="", PageSize: os.Getenv("PS")}).Render(context.Background(), d); if err!=nil {t.Fatal(err)}; os.WriteFile("/tmp/d-"+fixtureName(p)+".pdf", b, 0o644) } }
