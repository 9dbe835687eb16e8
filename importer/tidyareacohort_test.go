package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyAreaNamingChildren: a tidy table's Area naming children in
// words no one cohort reads ("Excluding UASC over 16", "Leeds excl 16+",
// "Excl 16+") is refused once a name at its first row, saying how to give
// the area and the children apart; it had been kept as an area of its own
// that invited a mapping filing part of the children as all. One naming a
// cohort beside a Cohort column is read within it, and refused at its row
// where the two disagree. A Cohort "UASC Service", the team and a
// pseudo-area, had been read silently as UASC only, so that the team's
// caseload would be subtracted from all children's: whose figures they
// are is unsaid, and the row is refused at its cell (QA27b).
func TestTidyAreaNamingChildren(t *testing.T) {
	const head = "Ref,Indicator,Period,Area,Cohort,Value\n" +
		"CLA,Number of children looked after,Mar-25,Leeds,,1480\n"
	for _, tc := range []struct {
		name, rows string
		want       []string // CLA's series (seriesOf)
		warn       []string // every warning but the first row's, "cell: message" in part
		never      []string
	}{
		{"only some of a cohort",
			"CLA,Number of children looked after,Mar-25,Excluding UASC over 16,,1400\n" +
				"CLA,Number of children looked after,Apr-25,Excluding UASC over 16,,1410\n",
			[]string{"Leeds all: 1480"},
			[]string{`line 3: CLA: area "Excluding UASC over 16" names which children its figures count, not an area: this row and 1 more naming it not read: cannot tell which children it counts, as "uasc over 16" names only some UASC, and a cohort split holds them all; give the area and the children apart, in an Area column (such as "Leeds") and a Cohort column (such as "Excluding UASC" or "UASC only")`},
			[]string{"an area of its own"}},
		{"the authority and no cohort the app holds",
			"CLA,Number of children looked after,Mar-25,Leeds excl 16+,,1300\n",
			[]string{"Leeds all: 1480"},
			[]string{`line 3: CLA: area "Leeds excl 16+" names which children its figures count, not an area: this row not read: it names Leeds, then which children it counts ("excl 16+"), which is no cohort the app holds`},
			[]string{"an area of its own"}},
		{"words of sense and no cohort the app holds",
			"CLA,Number of children looked after,Mar-25,Excl 16+,,1300\n",
			[]string{"Leeds all: 1480"},
			[]string{`line 3: CLA: area "Excl 16+" names which children its figures count, not an area: this row not read: it says which children it counts ("Excl 16+"), which is no cohort the app holds`},
			[]string{"an area of its own"}},
		{"beside a Cohort column saying all or the same",
			"CLA,Number of children looked after,Mar-25,Leeds excl UASC,All,1400\n" +
				"CLA,Number of children looked after,Apr-25,Leeds excl UASC,Excluding UASC,1410\n",
			[]string{"Leeds all: 1480", "Leeds excl:uasc: 1400 1410"},
			[]string{`line 3: CLA: area "Leeds excl UASC" read as Leeds's figures counting all children excluding UASC, as an Area "Leeds" and a Cohort "Excluding UASC" would give them (this row and 1 more naming it)`},
			nil},
		{"beside a Cohort column saying otherwise",
			"CLA,Number of children looked after,Mar-25,UASC only,Excluding UASC,80\n",
			[]string{"Leeds all: 1480"},
			[]string{
				`line 3: CLA: row skipped: its area "UASC only" counts UASC alone, but its cohort says all children excluding UASC; give the area alone in the Area column and the children in the Cohort column`,
				`line 3: CLA: area "UASC only" read as Leeds's figures counting UASC alone`,
			},
			[]string{"Leeds uasc"}},
		{"a Cohort naming the UASC Service",
			"CLA,Number of children looked after,Mar-25,Leeds,UASC Service,80\n" +
				"CLA,Number of children looked after,Mar-25,Leeds,UASC,81\n",
			[]string{"Leeds all: 1480", "Leeds uasc: 81"},
			[]string{`line 3: CLA: row skipped: cohort "UASC Service" names UASC Service, a pseudo-area of Leeds (a team), not only children: whether its figures are the team's or Leeds's for UASC only is unsaid; for the team's, write Area "UASC Service" and no Cohort; for Leeds's, write Area "Leeds" and Cohort "UASC only"`},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, head+tc.rows), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CLA"); !slices.Equal(got, tc.want) {
				t.Errorf("CLA %q, want %q", got, tc.want)
			}
			for _, o := range res.Dataset.Observations {
				if o.Period.Kind != app.Month || o.Period.Year != 2025 {
					t.Errorf("%s %s dated %s", o.Area, o.Split, o.Period.Label())
				}
			}
			var got []app.Warning
			for _, w := range res.Warnings {
				if w.Cell != "line 2" {
					got = append(got, w)
				}
			}
			if len(got) != len(tc.warn) {
				t.Errorf("%d warnings, want %d:\n%s", len(got), len(tc.warn), warningLines(res))
			}
			for i, w := range tc.warn {
				if i < len(got) && !strings.HasPrefix(got[i].Cell+": "+got[i].Message, w) {
					t.Errorf("warning %d:\n %s: %s\nwant it to start\n %s", i, got[i].Cell, got[i].Message, w)
				}
			}
			warnsAndNever(t, res.Warnings, nil, tc.never)
		})
	}
}
