//go:build windows

package views

import (
	"os/exec"
	"syscall"
)

// createNoWindow is CREATE_NO_WINDOW: PowerShell runs without flashing a
// console over the window.
const createNoWindow = 0x08000000

// hideConsole keeps a helper program from showing a console window.
func hideConsole(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
