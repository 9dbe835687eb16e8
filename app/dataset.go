package app

import (
	"slices"
	"time"
)

// Dataset is everything one import adds: what the importer reads from a
// file, and what the store keeps as one snapshot.
type Dataset struct {
	Indicators   []Indicator   `json:"indicators,omitempty"`
	Observations []Observation `json:"observations,omitempty"`
	Targets      []Target      `json:"targets,omitempty"`
	Benchmarks   []Benchmark   `json:"benchmarks,omitempty"`
	Breakdowns   []Breakdown   `json:"breakdowns,omitempty"`
	Comments     []Comment     `json:"comments,omitempty"`
	// Stated says, by ref, which parts of each indicator's definition
	// the file stated and where, for ReviewDefinitions; it is not
	// stored. Nil means every indicator is defined in full, as a
	// reader of a fixed format (a child-level list) defines its own.
	Stated map[string]Stated `json:"-"`
	// TargetsAt is where the file gave each indicator's targets (the
	// first row), and each district's, for ReviewTargets' warnings; it
	// is not stored.
	TargetsAt map[TargetSource]Location `json:"-"`
	// ChartSettings are trend and SPC settings, saved as edits.
	ChartSettings []ChartSetting `json:"chart_settings,omitempty"`
	// Circulated marks figures read from a Scorecard export, which
	// withheld small numbers for circulation (KeepHeldFigures); it is
	// not stored.
	Circulated bool `json:"-"`
	// AsAt is the day a child-level list counted its children on, which
	// its figures' month alone does not say (a quarter ends on its last
	// day); it is not stored.
	AsAt time.Time `json:"-"`
	// restated marks, by ref, the indicators Definitions.Apply kept as
	// the store already defines them: stored as restatements, they
	// yield nothing of themselves.
	restated map[string]bool
}

// Empty reports whether the dataset adds nothing.
func (d *Dataset) Empty() bool {
	return len(d.Indicators)+len(d.Observations)+len(d.Targets)+
		len(d.Benchmarks)+len(d.Breakdowns)+len(d.Comments)+len(d.ChartSettings) == 0
}

// Yields reports whether the dataset gives anything to store: a figure,
// target, benchmark, breakdown, comment or chart setting, or an
// indicator's definition that the file stated, other than one it states
// just as the store already holds it (Definitions.Apply). An indicator
// it only cites, by a figure it then skipped, is no definition, nor is
// one a fixed format defines for figures it then did not find.
func (d *Dataset) Yields() bool {
	if d == nil {
		return false
	}
	if len(d.Observations)+len(d.Targets)+len(d.Benchmarks)+len(d.Breakdowns)+len(d.Comments)+len(d.ChartSettings) > 0 {
		return true
	}
	if d.Stated == nil {
		// A fixed format (a DfE file, a child-level list) brings its
		// indicators' definitions itself: without a figure, nothing of
		// them was read from the file.
		return false
	}
	return slices.ContainsFunc(d.Indicators, func(ind Indicator) bool { return d.stated(ind.Ref).Defines() && !d.restated[ind.Ref] })
}

// OutturnGroup is the benchmark group holding Kent's previous-year
// outturn: a scorecard's "Previous year outturn" column is Kent's own
// figure for the year before, kept beside the comparators rather than as
// one of them.
const OutturnGroup = "Previous year outturn"

// ExportCategory is the document property (File > Info > Properties,
// Category) that marks a workbook as the app's own export, so that an
// import reads only its tidy Data sheet: the other sheets may show
// figures excluding a cohort under rows that would otherwise read as all
// children's.
const ExportCategory = "Scorecard export"

// Benchmark is a comparator for an indicator in one period, usually a
// year older than the month on the scorecard: England, the region, the
// statistical neighbours' mean or median, or Kent's place among all
// authorities.
type Benchmark struct {
	Ref    string   `json:"ref"`
	Period Period   `json:"period"`
	Group  string   `json:"group"` // "England", "South East", "Statistical neighbours (mean)", ...
	Value  *float64 `json:"value"`
	Status Status   `json:"status,omitempty"`
	// Model names the statistical-neighbour model a neighbour figure used,
	// since the set of neighbours changes with each model.
	Model string `json:"model,omitempty"`
	// Rank is Kent's rank among OutOf authorities, 1 = best for the
	// polarity; Quartile is the band A (best) to D.
	Rank     int    `json:"rank,omitempty"`
	OutOf    int    `json:"out_of,omitempty"`
	Quartile string `json:"quartile,omitempty"`
	Source   string `json:"source,omitempty"` // file and column it came from
	Import   string `json:"import,omitempty"`
	// Decimals is how many places the source published the figure to,
	// where that is known (a DfE column's); nil otherwise.
	Decimals *int `json:"decimals,omitempty"`
	// Undated marks a figure from a column whose heading names no year,
	// its year the importer's guess (KeepHeldBenchmarkYears); not stored.
	Undated bool `json:"-"`
}

// Shown returns ind as the benchmark's figure is to be written: at the
// indicator's places, or fewer where the source published fewer, so that
// a rate the DfE gives in whole numbers ("70") is not shown to a place it
// never had ("70.0").
func (b Benchmark) Shown(ind Indicator) Indicator {
	if b.Decimals != nil && *b.Decimals < ind.Decimals {
		ind.Decimals = max(*b.Decimals, 0)
	}
	return ind
}

// Breakdown is one aggregate from child-level data: how many children of
// a category (Dimension "gender", Category "Male") among Total in a split.
// Only aggregates are ever stored, never a child's identifier.
type Breakdown struct {
	Measure   string  `json:"measure"` // e.g. "Children in care"
	Period    Period  `json:"period"`
	Area      Area    `json:"area"`
	Split     Split   `json:"split,omitempty"`
	Dimension string  `json:"dimension"`
	Category  string  `json:"category"`
	Count     float64 `json:"count"`
	Total     float64 `json:"total"`
	// Status is set when Count is withheld, e.g. app.Suppressed for a
	// small number in a circulated workbook.
	Status Status `json:"status,omitempty"`
	Rule   string `json:"rule,omitempty"` // how the split was drawn
	Import string `json:"import,omitempty"`
}

// Comment is the narrative for an indicator in one period and area.
//
// Split says which children the figures it speaks of count: All (all
// children), or a cohort set such as Excluding(UASC). A comment written
// about all children's figures is not about the figures excluding UASC,
// and is labelled so when shown beside them.
type Comment struct {
	Ref    string `json:"ref"`
	Area   Area   `json:"area"`
	Split  Split  `json:"split,omitempty"`
	Period Period `json:"period"`
	Text   string `json:"text"`
	Import string `json:"import,omitempty"`
}

// Counts tallies what an import added, for its summary line.
type Counts struct {
	Indicators   int `json:"indicators"`
	Observations int `json:"observations"`
	Revisions    int `json:"revisions"` // observations that changed an earlier value
	Targets      int `json:"targets"`
	Benchmarks   int `json:"benchmarks"`
	Breakdowns   int `json:"breakdowns"`
	Comments     int `json:"comments"`
	Warnings     int `json:"warnings"`
}

// ImportAfter reports whether import ID a was made after b: the store
// numbers imports in order ("I0007"), the number growing past four
// digits after the ten thousandth.
func ImportAfter(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// Import is the provenance of one snapshot in the store: which file, its
// fingerprint, when, and what it added.
type Import struct {
	ID     string    `json:"id"`     // e.g. "I0007"
	Source string    `json:"source"` // file name as given, or "edit" for a change made in the app
	Kind   string    `json:"kind"`   // "workbook", "csv", "demo", "child-level", "edit"
	SHA256 string    `json:"sha256,omitempty"`
	Time   time.Time `json:"time"`
	Counts Counts    `json:"counts"`
	Note   string    `json:"note,omitempty"` // the detected layout, or what an edit changed
	// Warnings is the import's validation report: every skipped row or
	// cell and every suspect value, with where it was.
	Warnings []Warning `json:"warnings,omitempty"`
	// Undone is when the import was undone; its records are gone but the
	// entry stays, so the history says what happened.
	Undone *time.Time `json:"undone,omitempty"`
	// Officer and Machine say who made the import or edit, and where: the
	// operating-system user name (or, on a team store, the database role)
	// and the computer's name. UndoneBy is the officer who undid it.
	Officer  string `json:"officer,omitempty"`
	Machine  string `json:"machine,omitempty"`
	UndoneBy string `json:"undone_by,omitempty"`
	// Reach is the latest period of each kind the import gave figures for
	// (Dataset.Reach), so that a later import can tell, without reading
	// the figures, that none of this one's is for a period after its own
	// (TakenBack). Imports made before it was kept have none.
	Reach []Period `json:"reach,omitempty"`
}

// Reach returns the latest period of each kind d gives figures for, in
// the order of the kinds.
func (d *Dataset) Reach() []Period {
	var latest [CalendarYear + 1]Period
	for i := range d.Observations {
		p := d.Observations[i].Period
		if p.Kind <= CalendarYear && (latest[p.Kind].IsZero() || p.Compare(latest[p.Kind]) > 0) {
			latest[p.Kind] = p
		}
	}
	var out []Period
	for _, p := range latest {
		if !p.IsZero() {
			out = append(out, p)
		}
	}
	return out
}
