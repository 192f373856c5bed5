//go:build unix

package scaletest

import (
	"syscall"
	"time"
)

func init() {
	cpuTime = func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return time.Duration(time.Now().UnixNano())
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
}
