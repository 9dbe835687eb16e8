package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// OpenReading opens the store at path to read, as OpenReadOnly does. While
// another Scorecard holds it to write (a window left open all day, an
// import), it reads a copy of it instead, made and proved consistent as
// CopyFile makes a backup at that moment: every reading command was
// refused while a window was open, though backup read the store (QA32
// finding 5). The copy holds the store as its last change committed left
// it; it is in the temporary folder, without a name once open where the
// system allows (so a killed command leaves nothing) and removed on Close
// where it does not.
func OpenReading(path string) (*Bolt, error) {
	s, err := OpenReadOnly(path)
	if !errors.Is(err, ErrInUse) {
		return s, err
	}
	dir, derr := os.MkdirTemp("", "scorecard-read-*")
	if derr != nil {
		return nil, err
	}
	out := filepath.Join(dir, "scorecard.db")
	var cerr error
	for attempt := 1; attempt <= copyAttempts; attempt++ {
		if cerr = copyBytes(path, out, true, false); cerr == nil {
			break
		}
		time.Sleep(copyRetryDelay)
	}
	if cerr == nil {
		s, cerr = OpenReadOnly(out)
	}
	if cerr != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w (and no consistent copy of it could be read: %v): close the Scorecard window, or wait for the import to end", err, cerr)
	}
	s.path, s.copyDir = path, dir
	if os.Remove(out) == nil {
		os.Remove(dir)
		s.copyDir = ""
	}
	return s, nil
}
