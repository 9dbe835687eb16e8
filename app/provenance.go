package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Location is a place in a source file: the file, and where it applies the
// sheet and cell (or CSV line, written as Cell "line 12").
type Location struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
}

func (l Location) String() string {
	s := l.File
	switch {
	case l.Sheet != "" && l.Cell != "":
		s += fmt.Sprintf(": %s!%s", l.Sheet, l.Cell)
	case l.Sheet != "":
		s += fmt.Sprintf(": sheet %q", l.Sheet)
	case l.Cell != "":
		s += ": " + l.Cell
	}
	return s
}

// Warning is something an import skipped or found suspect, with where it
// was: a skipped row, an unreadable cell, a percentage above 100, districts
// that do not sum to the county.
type Warning struct {
	Location
	Message string `json:"message"`
}

func (w Warning) String() string {
	at := w.Location.String()
	if at == "" {
		// Of no place in a file (a release's, say): ": " before it
		// led a line of the Provenance sheet with a colon.
		return w.Message
	}
	return at + ": " + w.Message
}

// SourceError is an import that failed at a known place in a file. Its
// message is the one line the command line prints.
type SourceError struct {
	Location
	Err error
}

func (e *SourceError) Error() string { return e.Location.String() + ": " + e.Err.Error() }

func (e *SourceError) Unwrap() error { return e.Err }

// FileSHA256 returns the hex SHA-256 of a file's bytes: how an import is
// recognised again, and how an export names its sources.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
