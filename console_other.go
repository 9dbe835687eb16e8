//go:build !windows

package main

// attachConsole does nothing outside Windows: there a program started
// from a terminal has its standard streams whatever it is linked as.
func attachConsole() {}
