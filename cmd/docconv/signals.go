package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Signals (see doc.go): SIGINT, SIGTERM and SIGHUP cancel the run's
// context; the run then stops at its next check, removes its temporary
// files, replaces no output, says so on standard error and exits with
// 128 + the signal's number (130, 143, 129). If it has not stopped
// stopGrace after the signal (a read from a terminal, a write to a pipe
// nobody reads), or at a second signal, the process removes the temporary
// files and exits at once.

// exitNow ends the process; main sets it. Tests running run in-process
// leave it nil, so no signal ends the test binary.
var exitNow func(code int)

// stopGrace is how long a signalled run may take to stop by itself.
const stopGrace = 500 * time.Millisecond

var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// interrupted is the cancellation cause a signal gives.
type interrupted struct{ sig os.Signal }

func (e *interrupted) Error() string { return "interrupted by " + signalName(e.sig) }

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// signalExit is the exit status for a signal: 128 + its number.
func signalExit(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitFail
}

// watcher turns signals into the cancellation of a run.
type watcher struct {
	ch     chan os.Signal
	done   chan struct{}
	stderr io.Writer
	mu     sync.Mutex
	sig    os.Signal // the first signal, nil if none
	ended  bool      // the run has returned
}

func watchSignals(cancel context.CancelCauseFunc, stderr io.Writer) *watcher {
	w := &watcher{ch: make(chan os.Signal, 2), done: make(chan struct{}), stderr: stderr}
	signal.Notify(w.ch, stopSignals...)
	go func() {
		for {
			select {
			case s := <-w.ch:
				w.mu.Lock()
				first := w.sig == nil
				if first {
					w.sig = s
				}
				w.mu.Unlock()
				cancel(&interrupted{s})
				if first {
					time.AfterFunc(stopGrace, w.force)
				} else {
					w.force()
				}
			case <-w.done:
				return
			}
		}
	}()
	return w
}

// force ends the process now if the run has not returned by itself.
func (w *watcher) force() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ended || exitNow == nil {
		return
	}
	removeTemps()
	fmt.Fprintln(w.stderr, interruptMessage(w.sig))
	exitNow(signalExit(w.sig))
}

// stop ends the watch; it returns the signal received, nil if none.
func (w *watcher) stop() os.Signal {
	signal.Stop(w.ch)
	close(w.done)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ended = true
	return w.sig
}

// interruptMessage says what a signal left behind.
func interruptMessage(s os.Signal) string {
	temps.Lock()
	written := append([]string(nil), temps.written...)
	temps.Unlock()
	if len(written) == 0 {
		return fmt.Sprintf("docconv: interrupted by %s: stopped, no output written", signalName(s))
	}
	return fmt.Sprintf("docconv: interrupted by %s after writing %s; the other outputs were not written", signalName(s), strings.Join(written, ", "))
}
