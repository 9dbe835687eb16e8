package main

import (
	"errors"
	"fmt"

	"scorecard/app/store"
)

// runRetire marks an indicator retired from a period, or with --undo puts
// it back. The period and the note saved with it ("its last figure is for
// Jul-26") are worked out from the figures held; on a team store a
// colleague's import can give a later figure before the retirement is
// saved, and the store then refuses it as stale (store.Reviewed): it is
// worked out again, after a wait as an import's (staleWait), and said.
func runRetire(e *env, args []string) error {
	for try := 1; ; try++ {
		err := retireOnce(e, args)
		if !errors.Is(err, store.ErrStale) {
			return err
		}
		if try == staleTries {
			return fmt.Errorf("%s: not retired: colleagues' imports or undos kept changing the store while it was worked out (%d tries); run it again", args[0], try)
		}
		fmt.Fprintf(e.out, "%s: a colleague's import or undo landed while its retirement was worked out: worked out again from the store as it is now\n", args[0])
		sleep(staleWait(try))
	}
}
