package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/docconv/docconv/convert"
)

// Memory guard (see doc.go): while a run converts, its memory (what the Go
// runtime has mapped, less what it gave back to the system) is checked
// every memPoll; past --max-memory the run is halted as a signal would
// halt it — temporary files removed, no output replaced — with exit status
// 3 and a message, rather than killed by the kernel or ended by the
// runtime's "out of memory" (exit 2, like bad usage). The same limit is
// the garbage collector's soft limit (unless GOMEMLIMIT is set), so
// garbage is collected harder before the guard trips. "auto" (the
// default) is 3/4 of the memory available when the run starts (Linux:
// MemAvailable, or the cgroup's limit if lower), at least 512 MiB; 0 turns
// the guard off.

const memPoll = 50 * time.Millisecond

// minAutoMemory is the least limit "auto" sets.
const minAutoMemory = 512 << 20

// parseMemoryLimit parses --max-memory: "auto", 0 (off) or a size.
func parseMemoryLimit(s string) (int64, error) {
	if s == "auto" || s == "" {
		n := availableMemory() / 4 * 3
		if n <= 0 {
			return 0, nil // unknown here: no guard
		}
		return max(n, minAutoMemory), nil
	}
	return parseSize(s)
}

// guardMemory halts the run through w when its memory passes limit
// (0: no guard); stop ends the guard.
func (w *watcher) guardMemory(limit int64) (stop func()) {
	if limit <= 0 {
		return func() {}
	}
	prev := int64(-1)
	if os.Getenv("GOMEMLIMIT") == "" {
		prev = debug.SetMemoryLimit(limit)
	}
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	tick := time.NewTicker(memPoll)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(samples)
				used := int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
				if used > limit {
					w.halt(convert.LimitErrorf("memory use passed the %s limit (--max-memory)", convert.FormatSize(limit)), false)
					return
				}
			}
		}
	}()
	return func() {
		tick.Stop()
		close(done)
		if prev >= 0 {
			debug.SetMemoryLimit(prev)
		}
	}
}

// gcBigInput is the input size from which a run trades a little garbage
// collection time for memory (tuneGC).
const gcBigInput = 4 << 20

// bigInputGC is the garbage collector's target (GOGC) for a run with a
// big input. The runtime's default, 100, lets the heap grow to twice what
// is live before collecting: for 10 M characters (24 MB of text) about
// 60 MB are live while a writer works, and the process peaked at 155–177
// MB for an EPUB; at 50 it peaks at 128–130 MB, for 2–8% more CPU (PDF:
// 205 → 166 MB, 2% more wall time).
const bigInputGC = 50

// tuneGC sets the garbage collector's target to bigInputGC when an input
// is a regular file of at least gcBigInput bytes, unless GOGC is set in the
// environment; the returned function restores the target. Small inputs
// keep the default: their heap is a few megabytes, where collecting
// twice as often costs time and saves nothing.
func tuneGC(ins []input) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	for _, in := range ins {
		if in.path == "-" || in.err != nil {
			continue
		}
		if fi, err := os.Stat(in.path); err == nil && fi.Mode().IsRegular() && fi.Size() >= gcBigInput {
			prev := debug.SetGCPercent(bigInputGC)
			return func() { debug.SetGCPercent(prev) }
		}
	}
	return func() {}
}
