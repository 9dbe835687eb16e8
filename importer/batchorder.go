package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"scorecard/app"
)

// BatchOrder orders the files of an import of several, for the command
// line and the window alike: oldest first (OldestFirst), then the files
// that file their figures under fixed refs after the others
// (FixedRefsLast). opt is what the files are read with (the store's
// authority, above all: a file naming its own area is refused without
// it). said is the line telling the officer the files were
// not imported in the order given, or "" where they were.
func BatchOrder(ctx context.Context, paths []string, opt Options) (ordered []string, moved []Moved, said string) {
	ordered, said = OldestFirst(ctx, paths, opt)
	ordered, moved = FixedRefsLast(ctx, ordered)
	return ordered, moved, said
}

// OldestFirst orders files by the latest period each gives figures for,
// oldest first, so that a year's monthly files named at once (a shell's
// *.xlsx or a drop from Explorer list "April", "August", "December"...
// alphabetically) are imported as they were issued: imported in the order
// given, February's file after March's would take back the revisions
// March's made. Each file is read once for its figures' periods (reading
// whole files, not guessing from headings, so that the order is the one
// the import will find). Files that tie keep the order given; a file whose
// figures cannot be read keeps its place, and its import says why. said
// is one line naming the order taken, or "" where it is the order given.
func OldestFirst(ctx context.Context, paths []string, opt Options) (ordered []string, said string) {
	if len(paths) < 2 {
		return paths, ""
	}
	type dated struct {
		path   string
		latest app.Period
	}
	var known []dated
	var slots []int // the places of the files whose latest period is known
	for i, p := range paths {
		latest := latestPeriod(ctx, p, opt)
		if latest.IsZero() {
			continue
		}
		known = append(known, dated{p, latest})
		slots = append(slots, i)
	}
	sorted := slices.Clone(known)
	slices.SortStableFunc(sorted, func(a, b dated) int { return a.latest.End().Compare(b.latest.End()) })
	ordered = slices.Clone(paths)
	for i, d := range sorted {
		ordered[slots[i]] = d.path
	}
	if slices.Equal(ordered, paths) {
		return paths, ""
	}
	words := make([]string, len(sorted))
	for i, d := range sorted {
		words[i] = fmt.Sprintf("%s (to %s)", filepath.Base(d.path), d.latest.Label())
	}
	return ordered, "imported oldest first, by the latest period each file gives, not in the order named, so that no older file takes back a later one's revisions: " + strings.Join(words, ", ")
}

// latestPeriod is the latest period the file at path gives figures for,
// of the finest kind it gives (a monthly scorecard's latest month, not an
// academic year reaching past it), or the zero Period where it cannot be
// read or gives none.
func latestPeriod(ctx context.Context, path string, opt Options) app.Period {
	opt.AllowMany, opt.AllowFuture, opt.Progress = true, true, nil
	res, err := Read(ctx, path, opt)
	if err != nil || res == nil || res.Dataset == nil {
		return app.Period{}
	}
	reach := res.Dataset.Reach()
	if len(reach) == 0 {
		return app.Period{}
	}
	return reach[0]
}
