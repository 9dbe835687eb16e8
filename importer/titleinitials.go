package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// initialled is a council named by its initials alone, in capitals
// (app.CouncilsByInitials), in a title or the name of a sheet or file.
type initialled struct {
	initials string
	auths    []*app.Authority
	at       app.Location
	names    string // what names it: "the title names", "the file is named for"
}

// initials reads a title or name for a council named by its initials:
// the store's own marks the file as the authority's ("KCC", "WSCC" in
// West Sussex's store), another's is kept for initialsWarning. A
// council's papers often name it by its initials and no other way, and
// "WSCC Children's Services Scorecard" was filed as the store's
// authority's, unsaid. Many councils share initials (HCC is Hampshire's
// and Hertfordshire's), and other words are written so, so they are
// warned of, not refused as a council's name is.
func (ac *areaCheck) initials(text string, at app.Location, names string) {
	for _, w := range placeWords(text) {
		if len(w) < 3 || strings.ToUpper(w) != w {
			continue
		}
		if ac.auth.MayGoBy(w) {
			ac.titledOwn = true
			return
		}
		auths := app.CouncilsByInitials(w)
		if len(auths) == 0 {
			continue
		}
		ac.initialled = append(ac.initialled, initialled{initials: w, auths: auths, at: at, names: names})
		return
	}
}

// initialsWarning warns of the first council named by its initials in
// a file nothing in which is the store's authority's: its figures are
// read as the authority's, but they may be the council's.
func (ac *areaCheck) initialsWarning() []app.Warning {
	if ac.own > 0 || ac.titledOwn || len(ac.titled) > 0 || len(ac.initialled) == 0 {
		return nil
	}
	in := ac.initialled[0]
	names := make([]string, len(in.auths))
	for i, a := range in.auths {
		names[i] = a.CommonName() + "'s"
	}
	ours := ac.auth.CommonName()
	theirs := names[0]
	if len(names) > 1 {
		theirs = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	return []app.Warning{{Location: in.at, Message: fmt.Sprintf(
		"%s %q, the initials of %s council, not %s's, and nothing in the file is %s's: its figures are read as %s's, the store's authority; if they are another council's, import the file into a store of that council's own (one store per authority: scorecard --db FILE)",
		in.names, in.initials, theirs, ours, ours, ours)}}
}
