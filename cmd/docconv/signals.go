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
const stopGrace = 250 * time.Millisecond

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

// watcher turns signals, and memory use over the limit, into the
// cancellation of a run.
type watcher struct {
	ch     chan os.Signal
	done   chan struct{}
	cancel context.CancelCauseFunc
	stderr io.Writer
	mu     sync.Mutex
	cause  error // why the run was stopped (*interrupted or a limit), nil if not
	ended  bool  // the run has returned
}

func watchSignals(cancel context.CancelCauseFunc, stderr io.Writer) *watcher {
	w := &watcher{ch: make(chan os.Signal, 2), done: make(chan struct{}), cancel: cancel, stderr: stderr}
	signal.Notify(w.ch, stopSignals...)
	go func() {
		for {
			select {
			case s := <-w.ch:
				w.halt(&interrupted{s}, true)
			case <-w.done:
				return
			}
		}
	}()
	return w
}

// halt cancels the run with cause. The first cause is kept; the process is
// ended stopGrace later if the run has not returned by then, or at once
// when again is set and the run was already halted (a second signal).
func (w *watcher) halt(cause error, again bool) {
	w.mu.Lock()
	first := w.cause == nil
	if first {
		w.cause = cause
	}
	w.mu.Unlock()
	w.cancel(cause)
	switch {
	case first:
		time.AfterFunc(stopGrace, w.force)
	case again:
		w.force()
	}
}

// force ends the process now if the run has not returned by itself.
func (w *watcher) force() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ended || exitNow == nil {
		return
	}
	removeTemps()
	fmt.Fprintln(w.stderr, stopMessage(w.cause))
	exitNow(stopExit(w.cause))
}

// stop ends the watch; it returns why the run was halted, nil if it was
// not.
func (w *watcher) stop() error {
	signal.Stop(w.ch)
	close(w.done)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ended = true
	return w.cause
}

// stopExit is the exit status of a halted run.
func stopExit(cause error) int {
	if in, ok := cause.(*interrupted); ok {
		return signalExit(in.sig)
	}
	return exitLimit
}

// stopMessage says why a run was halted and what it left behind.
func stopMessage(cause error) string {
	temps.Lock()
	written := append([]string(nil), temps.written...)
	planned := temps.planned
	temps.Unlock()
	switch {
	case len(written) == 0:
		return fmt.Sprintf("docconv: %v: stopped, no output written", cause)
	case len(written) >= planned:
		return fmt.Sprintf("docconv: %v after writing %s", cause, strings.Join(written, ", "))
	}
	return fmt.Sprintf("docconv: %v after writing %s; the other outputs were not written", cause, strings.Join(written, ", "))
}
