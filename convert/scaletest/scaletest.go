// Package scaletest checks that a function's cost grows linearly with its
// input: it runs the function on an input and on one ten times larger and
// compares the bytes allocated and the time taken. It is for the scaling
// tests of docconv's readers, transforms and writers, which guard against
// algorithms quadratic in input size, nesting depth, line length and the
// like; a quadratic one shows a ratio near 100 where a linear one shows
// 10.
package scaletest

import (
	"runtime"
	"testing"
	"time"
)

// cpuTime is the CPU time of the process (user and system), or the wall
// time where it cannot be had.
var cpuTime = func() time.Duration { return time.Duration(time.Now().UnixNano()) }

// Limits of the ratios between the 10× run and the 1× run. A linear
// function gives about 10 for both (less when fixed costs weigh); an
// O(n log n) one about 13; a quadratic one 100. Time is the CPU time of
// the process where the system gives it (so that waiting for a busy
// machine's CPUs does not count), and has a wide margin all the same.
const (
	MaxAllocRatio = 25
	MaxTimeRatio  = 40
)

// Linear fails t when run(large) costs more than MaxAllocRatio times the
// bytes or MaxTimeRatio times the time of run(small), where large is
// meant to be ten times small. Each size runs three times; the least time
// counts. run must do the same work each time it is called.
//
// Under the race detector it skips t: instrumentation distorts the ratios
// (CI runs the scaling tests without it, in .ci/scaling).
func Linear[T any](t testing.TB, name string, run func(T), small, large T) {
	t.Helper()
	if raceEnabled {
		t.Skip("scaling tests run without the race detector (.ci/scaling)")
	}
	sb, st := measure(run, small)
	lb, lt := measure(run, large)
	br := float64(lb) / float64(max(sb, 1))
	tr := float64(lt) / float64(max(st, time.Microsecond))
	// CPU time is the process's, so a busy moment (GC, another test of the
	// package) can inflate one measurement: a ratio over the limit is
	// measured again, twice at most, and the lowest counts. A superlinear
	// step stays over the limit every time.
	for retry := 0; retry < 2 && tr > MaxTimeRatio; retry++ {
		_, st2 := measure(run, small)
		_, lt2 := measure(run, large)
		tr = min(tr, float64(lt2)/float64(max(st2, time.Microsecond)))
	}
	t.Logf("%s: 1×: %d B, %v; 10×: %d B, %v; ratios %.1f (bytes), %.1f (time)", name, sb, st, lb, lt, br, tr)
	if br > MaxAllocRatio {
		t.Errorf("%s: 10× the input allocates %.1f times the bytes (limit %d): not linear", name, br, MaxAllocRatio)
	}
	if tr > MaxTimeRatio {
		t.Errorf("%s: 10× the input takes %.1f times as long (limit %d): not linear", name, tr, MaxTimeRatio)
	}
}

// measure returns the bytes allocated by one run and the least time of
// three.
func measure[T any](run func(T), in T) (uint64, time.Duration) {
	var best time.Duration
	var bytes uint64
	for i := range 3 {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		t0 := cpuTime()
		run(in)
		d := cpuTime() - t0
		runtime.ReadMemStats(&m1)
		if i == 0 || d < best {
			best = d
		}
		if b := m1.TotalAlloc - m0.TotalAlloc; i == 0 || b < bytes {
			bytes = b
		}
	}
	return bytes, best
}
