//go:build unix

package cluster

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time so far, so that
// benchmarks can report CPU per article on a machine others are loading.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
