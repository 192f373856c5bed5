//go:build race

package scaletest

// raceEnabled: the race detector changes the cost of memory accesses and
// allocations unevenly; ratios are measured without it (.ci/scaling).
const raceEnabled = true
