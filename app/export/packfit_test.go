package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/brief"
	"scorecard/app/cohort"
)

// crowdedHistory is a store whose exceptions brief runs long: reds
// monthly percentages, long-named, red against their floor and worse
// every month to Oct-26, and quarters quarterly ones, whose latest
// quarter, Jul-Sep 2026, ended before October, so each has a footnote.
func crowdedHistory(reds, quarters int) *app.History {
	d := app.Dataset{}
	start := app.MonthOf(2024, time.November)
	for n := range reds {
		ind := app.Indicator{Ref: fmt.Sprintf("R%02d", n+1), Name: fmt.Sprintf("Children in need whose assessment was completed late, in district group %d (%%)", n+1),
			Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion, DataPeriod: app.Snapshot, Section: "Social work"}
		d.Indicators = append(d.Indicators, ind)
		for i := range 24 {
			d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i), Value: app.Float(12.5 + 0.3*float64(i) + 0.01*float64(n))})
		}
		for _, y := range []int{2024, 2025, 2026} {
			d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(10), Floor: app.Float(12)})
		}
	}
	first := app.Period{Kind: app.Quarter, Year: 2024, N: 4}
	for n := range quarters {
		ind := app.Indicator{Ref: fmt.Sprintf("Q%02d", n+1), Name: fmt.Sprintf("Care leavers in suitable accommodation, pathway %d (%%)", n+1),
			Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion, DataPeriod: app.QuarterPeriod, Section: "Care leavers"}
		d.Indicators = append(d.Indicators, ind)
		for i, v := range []float64{64, 66, 65, 63, 60, 62, 64, 61} {
			d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: first.Add(i), Value: app.Float(v), Numerator: app.Float(v), Denominator: app.Float(100)})
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// TestPackFirstPageFits: the pack's first page, the exceptions brief,
// ends on page 1 for any store, its second page beginning with the
// scorecard (QA26b S5: the demo's small-numbers footnote ran over onto a
// page 2 of its own). Where it is long it is set smaller, and where that
// is not enough, its least serious items and its quarterly footnotes are
// counted, and the items named by ref, in a closing line saying where
// they are; every item is on page 1 in full or so named, and every
// footnote in full or counted.
func TestPackFirstPageFits(t *testing.T) {
	demo, _ := demoHistory(t)
	for _, tc := range []struct {
		name    string
		h       *app.History
		exclude []app.Cohort
		short   bool // some of the items are left to the closing line
	}{
		{"the demo", demo, nil, false},
		{"the demo excluding UASC", demo, []app.Cohort{app.UASC}, false},
		{"a few red and quarterly", crowdedHistory(3, 2), nil, false},
		{"60 red and 30 quarterly", crowdedHistory(60, 30), nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := os.Getenv("EXPORT_RENDER") // to look at the pages
			if dir == "" {
				dir = t.TempDir()
			}
			path := filepath.Join(dir, "page1 "+tc.name+".pdf")
			opt := Options{Produced: produced, Exclude: tc.exclude, Marking: "OFFICIAL", Suppress: 5}
			if _, err := Write(context.Background(), path, tc.h, opt); err != nil {
				t.Fatal(err)
			}
			pages := pdfText(t, path)
			if len(pages) < 2 {
				t.Fatalf("%d pages", len(pages))
			}
			// Page 2 opens with the scorecard's title: nothing of page 1
			// runs over onto it.
			var second []string
			for _, l := range strings.Split(pages[1], "\n") {
				if l = strings.TrimSpace(l); l != "" && l != "OFFICIAL" {
					second = append(second, l)
				}
			}
			if len(second) == 0 || !strings.HasPrefix(second[0], "Kent performance scorecard: October 2026") {
				t.Errorf("page 2 begins %q, want the scorecard's title: page 1 ran over", second[:min(3, len(second))])
			}
			first := strings.Join(strings.Fields(pages[0]), " ")
			if !strings.Contains(first, "Small numbers: counts of 1 to 4 children") {
				t.Errorf("page 1 does not end with its small-numbers footnote:\n%s", first)
			}

			hx, _ := cohort.Exclude(tc.h, tc.exclude)
			bopt := brief.Options{Period: app.MonthOf(2026, time.October)}
			items := brief.Items(hx, bopt)
			if len(items) == 0 {
				t.Fatal("no items: the case proves nothing")
			}
			// Each list's items are on page 1 in full, or named by ref in
			// its closing line, the most serious always in full.
			left := brief.Assessed(hx, brief.Options{Period: bopt.Period, Excluded: tc.exclude, All: tc.h})
			for _, list := range []struct {
				what  string
				items []brief.Item
				short bool
			}{
				{"less serious", items, tc.short},
				{"of these", left.Flagged(), false}, // under an exclusion: all children's, labelled so
			} {
				var named []string
				counted := 0
				if m := regexp.MustCompile(`And (\d+) more, ` + list.what + `, not listed here for want of room(: ([^;]*))?; each has its row on the scorecard, from page 2`).FindStringSubmatch(first); m != nil {
					counted, _ = strconv.Atoi(m[1])
					for _, r := range strings.Split(m[3], ", ") {
						named = append(named, strings.Fields(r)[0])
					}
				}
				if list.short && counted == 0 {
					t.Errorf("no %s item left to the closing line: the case proves nothing", list.what)
				}
				full := 0
				for _, it := range list.items {
					switch {
					case strings.Contains(first, it.Name+": "):
						full++
					case !slices.Contains(named, it.Ref):
						t.Errorf("page 1 neither lists %s %q nor names it among those it had no room for", it.Ref, it.Name)
					}
				}
				if full+counted != len(list.items) || counted > 0 && len(named) != counted {
					t.Errorf("%d items listed in full, %d counted (%d named), of %d", full, counted, len(named), len(list.items))
				}
				if counted > 0 && !strings.Contains(first, list.items[0].Name+": ") {
					t.Errorf("the most serious item, %s, is not listed in full", list.items[0].Ref)
				}
			}

			notes := brief.OffCycleNotes(hx, bopt)
			inFull := 0
			for _, n := range notes {
				if strings.Contains(first, n) {
					inFull++
				}
			}
			more := 0
			if m := regexp.MustCompile(`And (\d+) more quarterly or annual indicators with no figure in October 2026`).FindStringSubmatch(first); m != nil {
				more, _ = strconv.Atoi(m[1])
			}
			if inFull+more != len(notes) {
				t.Errorf("%d of %d quarterly footnotes in full, %d counted", inFull, len(notes), more)
			}
		})
	}
}
