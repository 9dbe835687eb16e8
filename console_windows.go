//go:build windows

package main

import (
	"log"
	"os"
	"strings"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1: attach to the
// console of the process that started this one.
const attachParentProcess = ^uintptr(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole lets a subcommand typed at a Windows command prompt print
// there. scorecard.exe is linked for the GUI subsystem so that opening it
// from Explorer or the Start menu shows no console window; the price is
// that Windows starts it with no console and no standard handles, so
// without this the subcommands' output and error lines would vanish.
//
// It must run before anything prints or captures os.Stdout, os.Stderr or
// os.Stdin: it replaces those variables.
//
// Handles the caller redirected (scorecard list > out.txt, a pipe, a
// script capturing output) are valid already and kept as they are. When
// the arguments open the window it does nothing: a window attached to the
// prompt's console would be killed when that console is closed.
func attachConsole() {
	if !namesCommand(os.Args[1:]) {
		return
	}
	stdin := stdHandleUsable(windows.STD_INPUT_HANDLE)
	stdout := stdHandleUsable(windows.STD_OUTPUT_HANDLE)
	stderr := stdHandleUsable(windows.STD_ERROR_HANDLE)
	if stdin && stdout && stderr {
		return
	}
	// Fails when there is no parent console (started from Explorer, or by
	// a program with none): there is nowhere to print, so carry on.
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if !stdout {
		if f := openConsole("CONOUT$", windows.STD_OUTPUT_HANDLE, "/dev/stdout"); f != nil {
			os.Stdout = f
		}
	}
	if !stderr {
		if f := openConsole("CONOUT$", windows.STD_ERROR_HANDLE, "/dev/stderr"); f != nil {
			os.Stderr = f
			// The log package took its writer at init, before this.
			log.SetOutput(f)
		}
	}
	if !stdin {
		if f := openConsole("CONIN$", windows.STD_INPUT_HANDLE, "/dev/stdin"); f != nil {
			os.Stdin = f
		}
	}
}

// namesCommand reports whether args name a subcommand, or help, or are a
// mistake that will be reported, rather than opening the window. It
// follows main's global flags, each of which takes a value (--db FILE,
// --screen NAME) given either as the next argument or after "=".
func namesCommand(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return i+1 < len(args)
		case a == "-" || !strings.HasPrefix(a, "-"):
			return true
		case a == "-h" || a == "-help" || a == "--help":
			return true
		case !strings.Contains(a, "="):
			i++ // the flag's value
		}
	}
	return false
}

// stdHandleUsable reports whether the standard handle std already leads
// somewhere: a file, a pipe or a console the process can write to.
func stdHandleUsable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsole opens the attached console's input (CONIN$) or screen
// buffer (CONOUT$), makes it the standard handle std for any code that
// asks Windows, and returns it as an *os.File named like os's own.
func openConsole(device string, std uint32, name string) *os.File {
	p, err := windows.UTF16PtrFromString(device)
	if err != nil {
		return nil
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	windows.SetStdHandle(std, h)
	return os.NewFile(uintptr(h), name)
}
