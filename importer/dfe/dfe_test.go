package dfe

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   bool
	}{
		{"EES with a byte-order mark", "\ufefftime_period,time_identifier,geographic_level,country_code,la_name,children_count", true},
		{"EES with quoted names", `"time_period","time_identifier","geographic_level","old_la_code","CPP_start"`, true},
		{"EES national only", "time_period,time_identifier,geographic_level,country_name,rate", true},
		{"statistical-neighbour model", "old_la_code,la_name,region_ind,region_name,SN_1,SN_1P", false},
		{"a scorecard", "Ref,Indicator,Polarity,Data Period,Target,Floor,Mar-25", false},
		{"LAIT dictionary", "Measure_code,Topic,Measure,Polarity,dps,Year_Type", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := strings.Split(strings.ReplaceAll(tt.header, `"`, ""), ",")
			if got := Detect(header); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

// uascCSV writes a small EES file in the shape of the DfE's children
// looked after by UASC status, as an older or a newer release writes it.
func uascCSV(bom bool, countCol, label, kent string) string {
	var b strings.Builder
	if bom {
		b.WriteString("\ufeff")
	}
	fmt.Fprintf(&b, "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,characteristic,%s\n", countCol)
	rows := []string{
		"National,E92000001,England,,,,,,%s,76000",
		"Regional,E92000001,England,E12000008,South East,,,,%s,9000",
		"Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,%s," + kent,
		"Local authority,E92000001,England,E12000006,East of England,881,Essex,E10000012,%s,1300",
		"Local authority,E92000001,England,E12000008,South East,845,East Sussex,E10000011,%s,c",
		`Local authority,E92000001,England,E12000009,South West,801,"Bristol, City of",E06000023,%s,700`,
		"Local authority,E92000001,England,E12000009,South West,801,\"Bristol, City of\",E06000023,Unaccompanied asylum-seeking children,90",
	}
	for _, r := range rows {
		b.WriteString("2024,Reporting year," + fmt.Sprintf(r, label) + "\n")
	}
	return b.String()
}

var excludingUASC = Mapping{Rules: []Rule{{
	Filters:       map[string]string{"characteristic": "Children excluding unaccompanied asylum-seeking children"},
	Value:         "children_count",
	ReportingYear: app.FinancialYear,
	Indicator:     app.Indicator{Ref: "CIC01X", Polarity: app.LowerBetter, Unit: app.Number},
}}}

func TestColumnAndLabelDrift(t *testing.T) {
	model := &benchmark.Model{Year: "2025", Groups: map[string][]benchmark.Neighbour{
		"886": {{Code: "881"}, {Code: "845"}},
	}}
	tests := []struct {
		name            string
		bom             bool
		countCol, label string
	}{
		{"older release", false, "number", "Non-unaccompanied asylum-seeking children"},
		{"newer release", true, "children_count", "Children excluding unaccompanied asylum-seeking children"},
		{"mixed case and spacing", true, "Children_Count", "children excluding  unaccompanied asylum-seeking children"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Three authorities stand for all of England here.
			rd := Reader{Mapping: excludingUASC, Model: model, MinRanked: 3}
			d, warns, err := rd.Read("cla_uasc.csv", strings.NewReader(uascCSV(tt.bom, tt.countCol, tt.label, "1500")))
			if err != nil {
				t.Fatal(err)
			}
			y := app.Period{Kind: app.FinancialYear, Year: 2023}
			if len(d.Observations) != 1 || *d.Observations[0].Value != 1500 || d.Observations[0].Period != y {
				t.Fatalf("observations %+v, want Kent 2023/24 (reporting year 2024) 1500", d.Observations)
			}
			got := map[string]app.Benchmark{}
			for _, b := range d.Benchmarks {
				got[b.Group] = b
			}
			if b := got[benchmark.England]; b.Value == nil || *b.Value != 76000 {
				t.Errorf("England %+v", b)
			}
			if b := got["South East"]; b.Value == nil || *b.Value != 9000 {
				t.Errorf("South East %+v", b)
			}
			// East Sussex is suppressed: ranked among the three with
			// figures (Bristol 700, Essex 1300, Kent 1500), and the
			// neighbour mean is Essex's alone, with a warning saying so.
			if b := got[benchmark.HomeRank]; b.Rank != 3 || b.OutOf != 3 || b.Quartile != "C" {
				t.Errorf("rank %+v, want 3 of 3 band C", b)
			}
			if b := got[benchmark.NeighbourMean]; b.Value == nil || *b.Value != 1300 || b.Model != "2025" {
				t.Errorf("neighbour mean %+v, want 1300 (2025 model)", b)
			}
			// Bristol's row of UASC alone is a kind the mapping does not
			// read: said once, with the neighbour left out.
			if len(warns) != 2 || warns[0].Cell != "line 8" || !strings.HasPrefix(warns[0].Message, `characteristic "Unaccompanied asylum-seeking children": no mapping rule reads these rows`) ||
				!strings.Contains(warns[1].Message, "1 of Kent's 2 statistical neighbours") || warns[1].Cell != "line 4" {
				t.Errorf("warnings %v", warns)
			}
		})
	}
}

func TestStatusCodesAreNeverZero(t *testing.T) {
	for _, code := range []string{"c", "x", "z", "low", "u", "k", "[c]"} {
		t.Run(code, func(t *testing.T) {
			rd := Reader{Mapping: excludingUASC}
			d, _, err := rd.Read("cla_uasc.csv", strings.NewReader(uascCSV(true, "children_count", "Children excluding unaccompanied asylum-seeking children", code)))
			if err != nil {
				t.Fatal(err)
			}
			o := d.Observations[0]
			want, _ := app.ParseStatus(code)
			if o.Value != nil || o.Status != want || o.Raw != code {
				t.Errorf("Kent %q read as value %v status %q raw %q", code, o.Value, o.Status, o.Raw)
			}
			for _, b := range d.Benchmarks {
				if b.Group == benchmark.HomeRank {
					t.Errorf("ranked Kent on a status code: %+v", b)
				}
			}
		})
	}
}

func TestReadErrorsNameFileAndLine(t *testing.T) {
	good := uascCSV(false, "children_count", "Children excluding unaccompanied asylum-seeking children", "1500")
	lines := strings.Split(good, "\n")
	tests := []struct {
		name, csv, want string
	}{
		{"short row", strings.Join(append(lines[:3:3], "2024,Reporting year,Local authority,E92000001"), "\n"), "cla_uasc.csv: line 4: 4 fields where the header has 12"},
		{"bare quote", strings.Join(append(lines[:2:2], `2024,Reporting year,Local authority,E92000001,England,E12000008,South East,886,"Ke"nt,E10000016,x,1`), "\n"), "cla_uasc.csv: line 3:"},
		{"not EES", "Ref,Indicator,Mar-25\nCIC05,3+ placements,12\n", "cla_uasc.csv: line 1: not an explore-education-statistics CSV"},
		{"no rule fits", "time_period,time_identifier,geographic_level,la_name,widgets\n2024,Reporting year,National,,3\n", "cla_uasc.csv: line 1: no mapping rule fits"},
		{"nothing for Kent or England", strings.Join(lines[:1], "\n") + "\n", "cla_uasc.csv: no figures"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: excludingUASC}
			_, _, err := rd.Read(filepath.Join("downloads", "cla_uasc.csv"), strings.NewReader(tt.csv))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to start %q", err, tt.want)
			}
		})
	}
}

// TestDefaultsCoverRealFiles reads a slice of every DfE file in realdata
// with the default mapping and checks each feeds Kent's figures and
// England's beside them.
func TestDefaultsCoverRealFiles(t *testing.T) {
	fy2025 := app.Period{Kind: app.FinancialYear, Year: 2024}
	tests := []struct {
		file string
		// year is the period reporting year 2025 is filed as: the
		// financial year for a collection to 31 March; the calendar year,
		// with a warning, for the workforce census at 30 September.
		year app.Period
		refs []string
		// Kent's 2025 value for the first ref, as the file gives it,
		// at the places it shows.
		kent   float64
		places int
		// For a percentage, the count and total the file gives beside
		// it: Kent's figure is their ratio, which the file rounds.
		num, den float64
	}{
		{"cla_number_and_rate_per_10k_children.csv", fy2025, []string{RefCICCount, RefCICRate, RefCICStarts}, 1896, 0, 0, 0},
		{"la_cla_placement_stability.csv", fy2025, []string{RefCICPlacements, RefCICLongTermStable}, 12, 0, 221, 1896},
		{"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", fy2025, []string{RefReReferrals}, 21.6, 1, 5194, 24035},
		{"d3_cpps_subsequent_plan_2013_to_2025.csv", fy2025, []string{RefRepeatCPP}, 24.3, 1, 310, 1274},
		{"csww_indicators_2017_to_2025.csv", app.Period{Kind: app.CalendarYear, Year: 2025}, []string{RefSWTurnover, RefSWAgency, RefSWCaseload}, 15.4, 1, 117.8, 765.3},
		{"la_care_leavers_activity.csv", fy2025, []string{RefCareLeaversEET}, 51, 0, 610, 1198},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, warns := readFile(t, filepath.Join("testdata", tt.file))
			for _, w := range warns {
				t.Log(w)
			}
			var refs []string
			for _, o := range d.Observations {
				if o.Period == tt.year && !slices.Contains(refs, o.Ref) {
					refs = append(refs, o.Ref)
				}
			}
			slices.Sort(refs)
			if !slices.Equal(refs, slices.Sorted(slices.Values(tt.refs))) {
				t.Errorf("Kent 2025 refs %v, want %v", refs, tt.refs)
			}
			o := findObs(t, d, tt.refs[0], tt.year)
			want := tt.kent
			if tt.den != 0 {
				want = tt.num / tt.den * 100
			}
			if o.Value == nil || *o.Value != want || app.RoundTo(*o.Value, tt.places) != tt.kent {
				t.Errorf("Kent 2025 %s = %v, want %v (published %v)", tt.refs[0], o.Value, want, tt.kent)
			}
			for _, ref := range tt.refs {
				findBench(t, d, ref, tt.year, benchmark.England)
				findBench(t, d, ref, tt.year, "South East")
			}
			// A reporting year filed as a calendar year is said to be, once.
			var said []string
			for _, w := range warns {
				if strings.Contains(w.Message, `"Reporting year"`) {
					said = append(said, w.Message)
				}
			}
			switch {
			case tt.year.Kind != app.CalendarYear && len(said) > 0:
				t.Errorf("warned %q of years filed as the financial years they cover", said)
			case tt.year.Kind == app.CalendarYear && (len(said) != 1 || !strings.Contains(said[0], "30 September") || !strings.Contains(said[0], "filed as calendar years")):
				t.Errorf("warnings %q, want one saying the workforce census's years (at 30 September) are filed as calendar years", said)
			}
		})
	}
}

// TestDefunctAuthorities ranks 2019 among the authorities of 2019
// (Bournemouth, Poole and the old Dorset, since merged) and 2025 among
// those of 2025, and counts the merged Northamptonshire row once.
func TestDefunctAuthorities(t *testing.T) {
	// withFigures counts a year's authority rows whose column holds a
	// number rather than a status code, read plainly from the CSV.
	withFigures := func(file, year, col string) (n int, names []string) {
		raw, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		i := slices.Index(rows[0], col)
		for _, r := range rows[1:] {
			if r[0] != year || r[2] != "Local authority" {
				continue
			}
			if _, err := strconv.ParseFloat(r[i], 64); err == nil {
				n++
				names = append(names, r[9])
			}
		}
		return n, names
	}
	tests := []struct {
		file, col, ref string
		year           int
		outOf          int
		has, hasNot    string
	}{
		// Isles of Scilly's rate is suppressed in 2019.
		{"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "rereferral_percent", RefReReferrals, 2019, 151, "Poole", "Bournemouth, Christchurch and Poole"},
		{"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "rereferral_percent", RefReReferrals, 2025, 153, "Bournemouth, Christchurch and Poole", "Poole"},
		// 150 rows in 2021, the two Northamptonshires sharing one;
		// Portsmouth (x) and Isles of Scilly (z) have no figure.
		{"csww_indicators_2017_to_2025.csv", "turnover_rate_fte", RefSWTurnover, 2021, 148, "North Northamptonshire / West Northamptonshire", "Northamptonshire"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.ref, tt.year), func(t *testing.T) {
			n, names := withFigures(tt.file, fmt.Sprint(tt.year), tt.col)
			if n != tt.outOf || !slices.Contains(names, tt.has) || slices.Contains(names, tt.hasNot) {
				t.Fatalf("the CSV has %d authorities with figures in %d (want %d), with %q and without %q: %v", n, tt.year, tt.outOf, tt.has, tt.hasNot, names)
			}
			d, _ := readFile(t, filepath.Join("testdata", tt.file))
			y := app.Period{Kind: app.FinancialYear, Year: tt.year - 1} // a year to 31 March
			if tt.ref == RefSWTurnover {
				y = app.Period{Kind: app.CalendarYear, Year: tt.year} // the census at 30 September
			}
			b := findBench(t, d, tt.ref, y, benchmark.HomeRank)
			if b.OutOf != n {
				t.Errorf("ranked among %d, want %d", b.OutOf, n)
			}
		})
	}
}

func TestReadModel(t *testing.T) {
	kent := []string{"881", "845", "878", "303", "935", "926", "891", "938", "822", "933"}
	csvModel := DefaultModel()
	f, err := os.Open(filepath.Join("testdata", "sn_may_2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xlsxModel, err := ReadModel("sn_may_2025.xlsx", f, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*benchmark.Model{csvModel, xlsxModel} {
		if m.Year != "2025" || !slices.Equal(m.NeighboursOf("886"), kent) {
			t.Errorf("%s: year %q, Kent's neighbours %v; want 2025, %v", m.Source, m.Year, m.NeighboursOf("886"), kent)
		}
		if g := m.Groups["886"]; g[0].Closeness != "Very close" {
			t.Errorf("%s: closeness %q", m.Source, g[0].Closeness)
		}
		if m.Names["839"] != "Bournemouth, Christchurch and Poole" {
			t.Errorf("%s: 839 is %q", m.Source, m.Names["839"])
		}
	}
	// The workbook still lists five authorities since reorganised (old
	// Dorset, Poole, Bournemouth, Cumbria, Northamptonshire); the CSV
	// does not. Everyone else has the same neighbours in both.
	if len(csvModel.Groups) != 153 || len(xlsxModel.Groups) != 158 {
		t.Errorf("%d authorities in the CSV, %d in the workbook; want 153 and 158", len(csvModel.Groups), len(xlsxModel.Groups))
	}
	for _, code := range csvModel.Codes() {
		if !slices.Equal(csvModel.NeighboursOf(code), xlsxModel.NeighboursOf(code)) {
			t.Errorf("%s: CSV %v, workbook %v", code, csvModel.NeighboursOf(code), xlsxModel.NeighboursOf(code))
		}
	}
	if _, err := ReadModel("neighbours.csv", strings.NewReader("old_la_code,SN_1\n886,881\n"), ""); err == nil || !strings.Contains(err.Error(), "no model year") {
		t.Errorf("model without a year: err = %v", err)
	}
	if _, err := ReadModel("sn_2016.csv", strings.NewReader("old_la_code,SN_1\n886,Essex\n"), ""); err == nil || !strings.Contains(err.Error(), "sn_2016.csv: line 2") {
		t.Errorf("neighbour given by name: err = %v", err)
	}
}

func TestMappingRoundTripsThroughJSON(t *testing.T) {
	m := DefaultMapping()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"polarity":"L"`) {
		t.Errorf("polarity not written as its code: %.200s", b)
	}
	var back Mapping
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, back) {
		t.Errorf("mapping changed in a JSON round trip")
	}
	if err := back.Validate(); err != nil {
		t.Error(err)
	}
	if err := (Mapping{Rules: []Rule{{Value: "x"}}}).Validate(); err == nil {
		t.Error("a rule without a ref validated")
	}
}

func TestKnownIndicatorsAreNotReplaced(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "la_cla_placement_stability.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel(), Known: func(ref string) bool { return ref == RefCICPlacements }}
	d, _, err := rd.Read("la_cla_placement_stability.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Indicators) != 1 || d.Indicators[0].Ref != RefCICLongTermStable || d.Indicators[0].Polarity != app.HigherBetter {
		t.Errorf("indicators added %+v, want only %s", d.Indicators, RefCICLongTermStable)
	}
}

// BenchmarkReadPlacements reads a year of the placement stability file:
// about 1,000 rows, every authority ranked for two indicators.
func BenchmarkReadPlacements(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "la_cla_placement_stability.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Read("la_cla_placement_stability.csv", strings.NewReader(string(raw))); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDefaultPolaritiesFollowLAIT checks each default rule's polarity
// against the DfE's own LAIT data dictionary (the rows for these measures,
// copied from shared/realdata): a wrong polarity would turn the ranking
// upside down.
func TestDefaultPolaritiesFollowLAIT(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "lait_data_dictionary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	short, pol := slices.Index(rows[0], "Measure_short"), slices.Index(rows[0], "Polarity")
	lait := map[string]app.Polarity{}
	for _, r := range rows[1:] {
		p, err := app.ParsePolarity(r[pol])
		if err != nil {
			t.Fatalf("LAIT %s: %v", r[short], err)
		}
		lait[r[short]] = p
	}
	measures := map[string]string{
		RefCICCount: "LACnum", RefCICRate: "LAC", RefCICStarts: "LACnum_Start",
		RefCICPlacements: "LACStable_2016on", RefCICLongTermStable: "LAC_LongStable%",
		RefReReferrals: "ReReferral", RefRepeatCPP: "PrevRegCPR",
		RefSWTurnover: "Work_Force_TO_Rate", RefSWAgency: "Work_Force_Agecy_Rate",
		RefCareLeaversEET: "CareLeaverEET",
	}
	for _, r := range DefaultMapping().Rules {
		m, ok := measures[r.Indicator.Ref]
		if !ok {
			continue // caseload: LAIT has no such measure
		}
		want, ok := lait[m]
		if !ok {
			t.Fatalf("LAIT extract lacks %s", m)
		}
		if r.Indicator.Polarity != want {
			t.Errorf("%s polarity %q, LAIT's %s says %q", r.Indicator.Ref, r.Indicator.Polarity, m, want)
		}
	}
}

// TestUnreadableValueIsLeftOut: a cell the reader cannot read is warned
// of at its line and column and left out, as the tidy reader leaves out
// a cell it skips. It was stored as "not available" (x), a code the file
// never gave it (QA hB F7). The area's other figures and the benchmarks
// beside it are kept.
func TestUnreadableValueIsLeftOut(t *testing.T) {
	tests := []struct {
		name, kent, england string
		line                string // the warning's place
	}{
		{"words", "twelve", "76000", "line 4"},
		{"blank", "", "76000", "line 4"},
		{"Excel's text apostrophe", "'1956", "76000", "line 4"},
		{"England's cell", "1500", "seventy-six thousand", "line 2"},
		{"R's missing value", "NA", "76000", "line 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			csv := uascCSV(false, "children_count", "Children excluding unaccompanied asylum-seeking children", tt.kent)
			csv = strings.Replace(csv, ",76000\n", ","+tt.england+"\n", 1)
			rd := Reader{Mapping: excludingUASC}
			d, warns, err := rd.Read("cla_uasc.csv", strings.NewReader(csv))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range d.Observations {
				if o.Value == nil {
					t.Errorf("stored %+v, want no figure or status for a cell not read", o)
				}
			}
			groups := map[string]bool{}
			for _, b := range d.Benchmarks {
				if b.Value == nil && (b.Group == benchmark.England || b.Group == "South East") {
					t.Errorf("stored %+v, want no figure or status for a cell not read", b)
				}
				groups[b.Group] = true
			}
			if !groups["South East"] {
				t.Errorf("no South East benchmark beside the cell not read: %v", d.Benchmarks)
			}
			var said []app.Warning
			for _, w := range warns {
				if strings.HasPrefix(w.Message, "children_count") {
					said = append(said, w)
				}
			}
			if len(said) != 1 || said[0].Cell != tt.line || !strings.HasSuffix(said[0].Message, "; not read") {
				t.Errorf("warnings %v, want one for %s's children_count, not read", warns, tt.line)
			}
		})
	}
}
