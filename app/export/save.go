package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// save has write write what (a workbook, a PDF) to a temporary file in
// path's folder and renames it to path, removing the temporary file on
// any failure. Its errors leave path for the caller to name: the
// temporary file's own name would only puzzle.
func save(path, what string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	pattern := "." + filepath.Base(path) + ".*.tmp"
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return fmt.Errorf("cannot write here: %w", pathless(err))
	}
	// An export killed while it wrote (a power cut, Task Manager) left
	// its temporary file beside path, seen in the folder officers
	// circulate from: the next export to path removes it.
	sweepLeftovers(dir, pattern, tmp.Name(), false)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("cannot write the %s: %w", what, pathless(err))
	}
	// CreateTemp makes the file private to its owner; the file is for
	// circulation, so give it an ordinary document's permissions.
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot make the %s readable: %w", what, pathless(err))
	}
	// Synced before it is named path, as the store and its backups are:
	// after a power cut the circulated name must not hold an empty or
	// short file.
	if err = syncFile(tmp); err != nil {
		return fmt.Errorf("cannot write the %s: %w", what, pathless(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write the %s: %w", what, pathless(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace the file: %w", pathless(err))
	}
	return nil
}

// syncFile flushes a written file to the disk; tests watch it.
var syncFile = (*os.File).Sync

// pathless returns the error an *os.PathError or *os.LinkError wraps,
// which names the temporary file or says it twice, or err itself.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
