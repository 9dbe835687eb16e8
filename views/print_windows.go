//go:build windows

package views

import "golang.org/x/sys/windows"

func init() {
	shellExecute = func(verb, path string) error {
		v, err := windows.UTF16PtrFromString(verb)
		if err != nil {
			return err
		}
		p, err := windows.UTF16PtrFromString(path)
		if err != nil {
			return err
		}
		return windows.ShellExecute(0, v, p, nil, nil, windows.SW_SHOWNORMAL)
	}
}
