package childlevel

// How the Header and UASC tables' lines are tied to the Episodes table's
// children, whose episodes make every figure.

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// matchIDs ties each Header and UASC line whose CHILD is no child's of
// the Episodes table to the one child there whose CHILD is the same but
// for leading zeros, and warns at the line either way. A spreadsheet
// drops leading zeros from an identifier it takes for a number: a UASC
// table saved so (100006 for 0100006) matched no child, and each UASC
// child was counted as not UASC, unsaid (QA hB F3).
//
// A line is read as a child's whose CHILD differs only where nothing
// else can be meant: both identifiers all digits, exactly one child of
// the Episodes table matching, and that child with no line of its own
// in the table. Otherwise a UASC line is not read, and the warning says
// why. A Header line is not warned: an Episodes child left with no
// Header line is, at its first episode (dataset), since only there is a
// figure changed.
func (r *reader903) matchIDs(episodesFile string) {
	byDigits := map[string][]string{} // Episodes children by CHILD without leading zeros
	for id := range r.episodeIDs {
		if k, ok := withoutZeros(id); ok {
			byDigits[k] = append(byDigits[k], id)
		}
	}
	file := r.warnings.file
	defer func() { r.warnings.file = file }()
	ep := filepath.Base(episodesFile)

	r.warnings.file = r.headerFile
	rekey(r, r.headers, func(h header903) int { return h.line }, byDigits, ep, Table903Header, false)
	r.warnings.file = r.uascFile
	rekey(r, r.uasc, func(u uasc903) int { return u.line }, byDigits, ep, Table903UASC, true)
}

// rekey moves each line of rows (a table's lines by CHILD) that matches
// no Episodes child to the one child byDigits finds for it, saying so at
// the line, and warns of the others when warnOrphans is set.
func rekey[V any](r *reader903, rows map[string]V, line func(V) int, byDigits map[string][]string, ep, table string, warnOrphans bool) {
	var orphans []string
	for id := range rows {
		if _, ok := r.episodeIDs[id]; !ok {
			orphans = append(orphans, id)
		}
	}
	// In file order, so that of two lines for one child the first is
	// read, as for a child's second line (readFile), and the warnings
	// come in order.
	slices.SortFunc(orphans, func(a, b string) int { return cmp.Compare(line(rows[a]), line(rows[b])) })
	for _, id := range orphans {
		v := rows[id]
		at := fmt.Sprintf("line %d", line(v))
		k, digits := withoutZeros(id)
		var near []string
		if digits {
			near = byDigits[k]
		}
		switch {
		case len(near) == 1:
			other := near[0]
			first := r.episodeIDs[other]
			if own, dup := rows[other]; dup {
				if warnOrphans {
					r.warnings.add(at, fmt.Sprintf(
						"CHILD matches no child of the Episodes table as written; with leading zeros ignored it matches the child of %s line %d, who has a %s line of their own (line %d): line not read",
						ep, first, table, line(own)))
				}
				continue
			}
			rows[other] = v
			delete(rows, id)
			r.warnings.add(at, fmt.Sprintf(
				"CHILD matches no child of the Episodes table as written; with leading zeros ignored (a spreadsheet drops them from a number) it matches one, the child of %s line %d, and no other: read as that child's",
				ep, first))
		case !warnOrphans:
		case len(near) > 1:
			lines := make([]int, len(near))
			for i, o := range near {
				lines[i] = r.episodeIDs[o]
			}
			slices.Sort(lines)
			nums := make([]string, len(lines))
			for i, l := range lines {
				nums[i] = strconv.Itoa(l)
			}
			r.warnings.add(at, fmt.Sprintf(
				"CHILD matches no child of the Episodes table as written; with leading zeros ignored it matches %d (%s lines %s), and which is meant cannot be told: line not read, so none of them is counted UASC by it",
				len(near), ep, strings.Join(nums, ", ")))
		default:
			r.warnings.add(at, fmt.Sprintf(
				"CHILD matches no child of the Episodes table (%s): line not read; if it is a child's there with CHILD mistyped, that child is counted as not UASC",
				ep))
		}
	}
}

// withoutZeros is a CHILD with its leading zeros dropped, and whether it
// is all digits, as the identifiers a spreadsheet takes for numbers are;
// "0" and "000" are kept as "0".
func withoutZeros(id string) (string, bool) {
	if id == "" {
		return "", false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return "", false
		}
	}
	if k := strings.TrimLeft(id, "0"); k != "" {
		return k, true
	}
	return "0", true
}
