package store

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// diskCause says in words why the disk refused a write, or "" when err is
// not a refusal the officer can act on. The file system's own error names
// the temporary file written ("open .../.s.db.backup-...tmp-1285529962:
// permission denied", "meta 0 copy: write ...tmp...: no space left on
// device"), which is Scorecard's business, not the problem.
func diskCause(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	case errors.Is(err, syscall.EDQUOT):
		return "the disk quota is used up"
	case errors.Is(err, syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, fs.ErrPermission):
		return "no permission to write there"
	}
	return ""
}

// writeError is a write the disk refused, said as what could not be
// written where, the cause in words, and what became of the change; it
// wraps the file system's error for errors.Is.
type writeError struct {
	what, where, cause, outcome string
	err                         error
}

func (e *writeError) Error() string {
	return fmt.Sprintf("cannot write %s in %s (%s); %s", e.what, e.where, e.cause, e.outcome)
}

func (e *writeError) Unwrap() error { return e.err }

// refusedWrite returns err said as a writeError where the disk refused
// the write (diskCause), and err itself otherwise.
func refusedWrite(err error, what, where, outcome string) error {
	var we *writeError
	if errors.As(err, &we) {
		return err
	}
	if c := diskCause(err); c != "" {
		return &writeError{what: what, where: where, cause: c, outcome: outcome, err: err}
	}
	return err
}
