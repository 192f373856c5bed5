// Package convert is the spine of docconv: the document model that every
// reader produces and every writer consumes, the format registry, and the
// conversion pipeline.
//
// The flow follows pandoc's "Pandoc Meta [Block]":
//
//	input bytes ─source transforms─► reader ─► *Document ─document transforms─► writer ─► output bytes
//
// Readers and writers meet only at the model. A writer never re-parses text;
// a reader never knows which writer follows.
//
// # Model
//
// A [Document] is [Meta] plus a slice of [Block]s. Blocks ([Heading],
// [Paragraph], [List], [Quote], [CodeBlock], [Table], [Rule], [PageBreak])
// and inlines ([Text], [Strong], [Emph], [Strike], [Sub], [Sup], [Code],
// [Link], [Ruby], [LineBreak], [Image], [Note]) are sealed: only this
// package can add kinds, so writers can switch over them exhaustively. A
// [Note] (footnote) holds blocks of its own and stands where it is
// referenced; writers number notes per document. List items carry a task
// state ([List.Tasks]). [Walk] and [Inspect] traverse the model;
// [MapInlines] rewrites leaf inlines (what most clean-up transforms need).
//
// # Formats
//
// Format packages under formats/ register themselves with [Register] in an
// init function, like image/png does with package image. Callers import the
// formats they need, or formats/all for every built-in one, then look them up
// with [Lookup] or [ByExtension].
//
// # Determinism
//
// Nothing in the pipeline reads the clock or a random source. Writers that
// need a timestamp use [Options.ModTime] (see [DocumentTime]), and
// identifiers are derived from the content, so the same input and options
// give the same bytes.
//
// # Errors
//
// Read, Write and Convert return *[Error] values naming the step (Op), the
// format and the input; match their causes with errors.Is (ErrUnknownFormat,
// ErrUnsupported, ErrInvalidInput, ErrStrict, ErrLimit) and get the line and
// column with errors.As.
//
// Cancellation has the same shape: when ctx is cancelled or its deadline
// passes, the error is always an *Error whose Err wraps ctx.Err(), so both
// errors.Is(err, context.Canceled) (or context.DeadlineExceeded) and
// errors.As(err, new(*convert.Error)) hold, whichever reader, transform or
// writer was running. A failure that happened as the context ended is kept
// beside ctx.Err() and matches errors.Is too. The lower-level ReadAll and
// SourceTransforms return ctx.Err() itself.
//
// # Concurrency
//
// A Document is not safe for concurrent mutation. Registered formats may be
// looked up concurrently once registration (package init) is done. A
// [Report] is safe for concurrent use.
package convert
