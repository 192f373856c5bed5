//go:build race

package main

// raceEnabled: the race detector makes every run several times slower.
const raceEnabled = true
