//go:build !unix

package views

import "time"

// cpuTime is not measured here; benchmarks report wall time alone.
func cpuTime() (time.Duration, bool) { return 0, false }
