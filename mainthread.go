package main

import "runtime"

// leaveMainThread lets a command's main goroutine run on any thread.
// Fyne's driver ties it to the process's first thread as the binary
// starts (runtime.LockOSThread in its init), as the window needs. A
// command opens no window, and tied, each time its main goroutine waits
// (for a sheet being read, the workers, the disk) it can be resumed on
// that thread alone, which must first be woken: the large import, whose
// main goroutine waits some hundreds of times, took some 2 ms longer.
// The window's path never calls it, so the window keeps the thread.
func leaveMainThread() { runtime.UnlockOSThread() }
