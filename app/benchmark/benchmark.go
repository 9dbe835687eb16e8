// Package benchmark compares the store's authority with other authorities: its rank among
// all authorities (1 = best for the indicator's polarity), the quartile
// band A to D, and the mean and median of its statistical neighbours under
// a named model. It also chooses which benchmarks a scorecard shows beside
// a figure, and lists targets and milestones by year. It is pure
// arithmetic over app types: the importer feeds it, the views show it.
package benchmark

import (
	"cmp"
	"math"
	"slices"

	"scorecard/app"
)

// Groups written in app.Benchmark.Group by the DfE importer and read back
// by Beside.
const (
	England = "England"
	// Region is the default authority's region, named as the DfE names
	// it; a DfE file files its regional figure under the home
	// authority's region, and Beside shows any of the DfE's regions.
	Region          = "South East"
	NeighbourMean   = "Statistical neighbours (mean)"
	NeighbourMedian = "Statistical neighbours (median)"
	// ScorecardNeighbours is the group the scorecard importer gives a
	// workbook's own "Stat neighbours" column: an average under a model
	// the workbook does not name.
	ScorecardNeighbours = "Statistical neighbours"
)

// HomeRank is the group of the store's authority's published figure for
// the year, with its Rank, OutOf and Quartile among all authorities.
// The group is a stored key, spelt as the first stores have it whatever
// their authority; Label gives the words to show.
var HomeRank = string(app.Kent) + " (rank among authorities)"

// Label is the words to show for a benchmark's group beside the figures
// of auth: the store's authority by name for its rank, and the model's
// year beside a neighbour average, since the set of neighbours changes
// with each model ("Statistical neighbours (mean), 2025 model").
func Label(b app.Benchmark, auth *app.Authority) string {
	switch {
	case b.Group == HomeRank:
		return auth.Name + " (rank among authorities)"
	case b.Model != "":
		return b.Group + ", " + b.Model + " model"
	}
	return b.Group
}

// Named returns bs with the group of the store's authority's rank named
// as Label names it ("Medway (rank among authorities)"), for output that
// shows the group itself rather than a label beside it: the stored key
// names the first stores' authority whatever the store's. bs is not
// modified; it is returned as it is when it holds no such rank.
func Named(bs []app.Benchmark, auth *app.Authority) []app.Benchmark {
	name := auth.Name + " (rank among authorities)"
	if name == HomeRank || !slices.ContainsFunc(bs, func(b app.Benchmark) bool { return b.Group == HomeRank }) {
		return bs
	}
	named := slices.Clone(bs)
	for i := range named {
		if named[i].Group == HomeRank {
			named[i].Group = name
		}
	}
	return named
}

// Figure is one authority's published figure for a measure in one period.
// Codes holds its old (three-digit) LA codes: usually one, but the DfE
// reports some merged services as one row ("940 / 941").
type Figure struct {
	Codes []string
	Name  string
	Value float64
}

// Rank returns the rank of v among values, 1 = best for polarity p.
// Equal values share the best rank of their group (competition ranking:
// 1, 2, 2, 4), as DfE tables do. v is counted as one of the values. It
// reports false when p gives no direction to rank by.
func Rank(values []float64, v float64, p app.Polarity) (int, bool) {
	if p != app.HigherBetter && p != app.LowerBetter {
		return 0, false
	}
	better := 0
	for _, x := range values {
		if (p == app.HigherBetter && x > v) || (p == app.LowerBetter && x < v) {
			better++
		}
	}
	return better + 1, true
}

// Quartile returns the band A (best) to D for a rank among outOf
// authorities. Like the DfE's Local Authority Interactive Tool, it bands
// by position: an authority with fewer than a quarter of the others ranked
// ahead of it is in A, fewer than half B, and so on, so with 152
// authorities ranks 1-38 are A and 39-76 B, and the best is always A.
// Tied authorities share a rank, so they always share a band. It returns
// "" for a rank outside 1..outOf.
func Quartile(rank, outOf int) string {
	if rank < 1 || rank > outOf {
		return ""
	}
	return string(rune('A' + 4*(rank-1)/outOf))
}

// Mean returns the arithmetic mean of xs, or NaN for none.
func Mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// Median returns the middle of xs (the mean of the two middle values for
// an even count), or NaN for none. xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Comparison is how the home authority stands in one period among all
// authorities with a figure and among its statistical neighbours.
type Comparison struct {
	Rank     int    // 0 when there is no polarity or no home figure
	OutOf    int    // authorities with a figure
	Quartile string // A (best) to D, or ""
	// NeighbourMean and NeighbourMedian are over the neighbours with a
	// figure (Neighbours of them); nil when none has one.
	NeighbourMean, NeighbourMedian *float64
	Neighbours                     int
	// Missing lists the neighbours' codes with no figure in this period:
	// suppressed, or an authority that did not exist yet (a model names
	// today's authorities, older years name their predecessors).
	Missing []string
}

// Compare ranks the home authority (by old LA code) among figures and
// averages its neighbours' figures. A merged row counts once in the
// ranking, and once among the neighbours however many of its codes the
// model names.
func Compare(figures []Figure, home string, p app.Polarity, neighbours []string) Comparison {
	var c Comparison
	values := make([]float64, len(figures))
	byCode := map[string]int{}
	for i, f := range figures {
		values[i] = f.Value
		for _, code := range f.Codes {
			byCode[code] = i
		}
	}
	c.OutOf = len(figures)
	if i, ok := byCode[home]; ok {
		if r, ok := Rank(values, figures[i].Value, p); ok {
			c.Rank = r
			c.Quartile = Quartile(r, c.OutOf)
		}
	}
	var nv []float64
	used := map[int]bool{}
	for _, code := range neighbours {
		i, ok := byCode[code]
		if !ok {
			c.Missing = append(c.Missing, code)
			continue
		}
		if used[i] {
			continue
		}
		used[i] = true
		nv = append(nv, figures[i].Value)
	}
	c.Neighbours = len(nv)
	if len(nv) > 0 {
		c.NeighbourMean = app.Float(Mean(nv))
		c.NeighbourMedian = app.Float(Median(nv))
	}
	return c
}

// Neighbour is one authority in another's statistical-neighbour group.
type Neighbour struct {
	Code string `json:"code"` // old LA code, e.g. "881"
	// Closeness is the model's own word: "Very close", "Close",
	// "Somewhat close".
	Closeness string `json:"closeness,omitempty"`
}

// Model is one statistical-neighbour model: each authority's neighbours,
// closest first, by old LA code. The set changes with each model, so a
// neighbour average is only meaningful with the model's Year beside it.
type Model struct {
	Year   string                 `json:"year"`             // e.g. "2025"
	Source string                 `json:"source,omitempty"` // the file it was read from
	Names  map[string]string      `json:"names"`            // authority names by code
	Groups map[string][]Neighbour `json:"groups"`
}

// NeighboursOf returns the codes of an authority's neighbours, closest
// first, or nil when the model does not know it.
func (m *Model) NeighboursOf(code string) []string {
	if m == nil {
		return nil
	}
	var codes []string
	for _, n := range m.Groups[code] {
		codes = append(codes, n.Code)
	}
	return codes
}

// Codes returns every authority the model has a group for, sorted.
func (m *Model) Codes() []string {
	codes := make([]string, 0, len(m.Groups))
	for c := range m.Groups {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, cmp.Compare)
	return codes
}
