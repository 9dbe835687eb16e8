package importer

import (
	"context"
	"math"
	"strings"
	"testing"

	"scorecard/app"
)

// gridOf reads fuzz text as a sheet: lines are rows, tabs divide cells.
func gridOf(text string) *grid {
	g := &grid{}
	for _, line := range strings.Split(text, "\n") {
		g.rows = append(g.rows, strings.Split(line, "\t"))
	}
	return g
}

// FuzzDetect feeds arbitrary sheets to layout detection and, where a
// layout is found, to the sheet readers: neither may panic, and what they
// read must hold together.
func FuzzDetect(f *testing.F) {
	for _, seed := range []string{
		"Kent CYPE Scorecard\n\nRef\tIndicator\tPolarity\tData Period\t2023/24 Outturn\tTarget\tFloor\tOct-24\tNov-24\tRAG\tDoT\tEngland 2023/24\n" +
			"Children in Care\nCIC05\tPlacements (%)*\tL\tR12M\t11.8\t10\t12\t12.1\t11.9\tAMBER\tê\t10\n" +
			"CIC05a\tPlacements (excluding UASC)\tL\tR12M\t\t\t\t10.1\t[c]\n* note",
		"\t\t\t2026/27\nRef\tIndicator\tPolarity\tData Period\tLead Officer\t2025/26 Outturn\tTarget\tFloor\t\tMonthly trend\n\t\t\t\t\t\tTarget\tFloor\t\t45597\t45627\n" +
			"CIC01\tNumber of children in care\t-\tMS\tHead\t1909\t\t\t\t1956\t1954",
		"District summary - October 2026\nRef\tIndicator\tKent\tAshford\tShepway\tTonbridge & Malling\tOut of County / Unknown\tUASC Service\nCIC01\tChildren in care\t1896\t115\t120\t70\t73\t428",
		"Ref\tPeriod\tArea\tCohort\tNumerator\tDenominator\tValue\tStatus\nCIC05\t2025-03\tKent\tExcluding UASC\t221\t1896\t11.66\t\nCIC05\tMar-25\tShepway\tUASC\t\t\t\tc",
		"Ref\tYear\tTarget\tFloor\tTolerance\nCIC05\t2024/25\t10\t12\t\nED01\t2024/25 AY\t5\t6\t1",
		"Ref\tIndicator\tJan-25\tFeb-25\nCIC10\tRe-entering care\n\tAll CiC\t40\t42\n\tExcluding UASC\t30\t31\n\tUASC\t10\t11",
		"LA num\tLA Name\tLA number\tGOInd\tGOReg\tSN1\tSNP\n301\tBarking and Dagenham\t301\t3\tLondon\t308\tClose",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		g := gridOf(text)
		l, err := detect("Fuzz", g)
		if err != nil {
			return
		}
		if err := l.resolve(); err != nil {
			t.Fatalf("detected layout does not resolve: %v\n%+v", err, l)
		}
		if l.Kind == DistrictSheet && l.Period.IsZero() {
			l.Period = app.MonthOf(2025, 3)
		}
		// As readWorkbook reads a sheet: into a log, replayed.
		c := newCollector("fuzz.xlsx")
		out, err := readSheetLog(context.Background(), c.file, l, g, func(int) {}, nil)
		if err != nil {
			return
		}
		out.warnUncalculated(g)
		c.replay(out)
		d := c.dataset()
		for _, o := range d.Observations {
			if o.Value != nil && (math.IsNaN(*o.Value) || math.IsInf(*o.Value, 0)) {
				t.Fatalf("%s: value %v", o.Cell, *o.Value)
			}
			if o.Value != nil && o.Status != app.OK {
				t.Fatalf("%s: value %v beside status %q", o.Cell, *o.Value, o.Status)
			}
			if o.Ref == "" || o.Area == "" || o.Period.IsZero() {
				t.Fatalf("observation without ref, area or period: %+v", o)
			}
		}
	})
}

// FuzzReadFigure feeds arbitrary cell text, in any format, to the figure
// reader: a status code is never a number, and a number is finite.
func FuzzReadFigure(f *testing.F) {
	for _, seed := range []string{"1896", "1,896", "63.7%", "63.7\u00a0%", "0.637", "221/1896", "(12.5)", "[c]", "#DIV/0!",
		"Data to be supplied", "1.2E-05", "-", "", "é", "1e400", "0/0", "12%/4"} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, text string, percentFormat bool) {
		rd, err := readFigure(text, look{percent: percentFormat, decimals: -1}, &floats{})
		if err != nil {
			return
		}
		if rd.status != app.OK && (rd.value != nil || rd.num != nil) {
			t.Fatalf("%q: status %q with figures", text, rd.status)
		}
		if rd.status == app.OK && rd.value == nil {
			t.Fatalf("%q: neither a figure nor a status", text)
		}
		if rd.value != nil && (math.IsNaN(*rd.value) || math.IsInf(*rd.value, 0)) {
			t.Fatalf("%q: value %v", text, *rd.value)
		}
		_ = arrowOf(text, look{wingdings: percentFormat}, app.HigherBetter)
		_ = ragOf(text, look{fill: text})
	})
}
