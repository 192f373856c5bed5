//go:build !race

package scaletest

const raceEnabled = false
