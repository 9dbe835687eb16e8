package postgres

import (
	"io"
	"time"
)

// OpenAtVersion opens a store migrating its schema only up to version.
var OpenAtVersion = open

// DropRepeat is dropRepeat, for the tests of open's messages.
var DropRepeat = dropRepeat

// ShortLockWait makes lockImports wait wait in all, saying so every say on
// note, until the test ends.
func ShortLockWait(t interface{ Cleanup(func()) }, wait, say time.Duration, note io.Writer) {
	w, s, n := lockWait, lockSaid, lockNote
	lockWait, lockSaid, lockNote = wait, say, note
	t.Cleanup(func() { lockWait, lockSaid, lockNote = w, s, n })
}
