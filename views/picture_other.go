//go:build !windows

package views

import "os/exec"

// hideConsole keeps a helper program from showing a window; only
// Windows would show one.
func hideConsole(*exec.Cmd) {}
