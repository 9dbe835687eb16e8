// Package dfe reads the Department for Education's open data: the tidy
// CSVs of explore-education-statistics, which give one figure per
// authority, region and England for each year, and the statistical
// neighbour models. Kent's own figures become observations; England, the
// region, the neighbours' mean and median and Kent's rank among all
// authorities become benchmarks.
package dfe

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer/breakdown"
	"scorecard/importer/value"
)

// The columns every explore-education-statistics file starts with.
const (
	colTimePeriod  = "time_period"
	colTimeID      = "time_identifier"
	colLevel       = "geographic_level"
	colCountryCode = "country_code"
	colCountryName = "country_name"
	colRegionName  = "region_name"
	colRegionCode  = "region_code"
	colOldLACode   = "old_la_code"
	colNewLACode   = "new_la_code"
	colLAName      = "la_name"
	levelNational  = "national"
	levelRegional  = "regional"
	levelAuthority = "localauthority"
)

// Detect reports whether a CSV header is explore-education-statistics'
// tidy format: time_period, time_identifier and geographic_level, under
// any spelling and after a byte-order mark.
func Detect(header []string) bool {
	cols := newColumns(header)
	for _, c := range []string{colTimePeriod, colTimeID, colLevel} {
		if _, ok := cols.find(c); !ok {
			return false
		}
	}
	return true
}

// Missing returns the one of time_period, time_identifier and
// geographic_level a header lacks where it has the other two: an
// explore-education-statistics table with a column deleted, which Detect
// does not take, and whose refusal should name the column rather than
// guess at what else the file is (from its la_name, a list of local
// authorities). Nil when the header has all three, or fewer than two.
func Missing(header []string) []string {
	cols := newColumns(header)
	var missing []string
	for _, c := range []string{colTimePeriod, colTimeID, colLevel} {
		if _, ok := cols.find(c); !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) != 1 {
		return nil
	}
	return missing
}

// MissingError says why a header Missing finds a column lacking in is
// not read: the column, and why the file cannot be read without it.
func MissingError(header []string) error {
	missing := Missing(header)
	if len(missing) == 0 {
		return nil
	}
	why := map[string]string{
		colTimeID: "the DfE's files say in it what kind of year each time_period is, and time_period alone does not " +
			"(2025 is a calendar or a reporting year, 202425 a financial or an academic year)",
		colTimePeriod: "it gives each row's year",
		colLevel:      "it says whether a row is England's, a region's or a local authority's",
	}[missing[0]]
	return fmt.Errorf("an explore-education-statistics CSV without its %s column: not read, as %s; download the file again, or add the column", missing[0], why)
}

// Reader reads explore-education-statistics CSVs with a mapping and a
// statistical-neighbour model.
type Reader struct {
	Mapping Mapping
	// Home is the authority whose figures become observations; the
	// others give benchmarks. Nil means app.DefaultAuthority.
	Home *app.Authority
	// Model supplies the home authority's statistical neighbours; nil
	// gives no neighbour mean or median.
	Model *benchmark.Model
	// Known reports whether the app already holds an indicator, whose
	// definition (from a scorecard) must not be replaced. Indicators it
	// does not know are added from the mapping. Nil adds none.
	Known func(ref string) bool
	// Defined returns the store's definition of an indicator: a rule
	// whose ref the store defines as another measure (another unit or
	// measure, or a name about something else) is not read, with a
	// warning at line 1, so that the DfE's figures never land under a
	// meaning they do not have. Nil compares nothing.
	Defined func(ref string) (app.Indicator, bool)
	// Stored are the store's indicators: a measure new to the store
	// whose name one of them has under another ref is said at import
	// (namesake). Nil compares nothing.
	Stored []app.Indicator
	// MinRanked is the fewest authorities' rows an indicator's period
	// needs for the home authority's rank among them; 0 means
	// minRanked, which a filtered download falls short of.
	MinRanked int
}

// home is the authority whose figures the reader reads as its own.
func (rd *Reader) home() *app.Authority {
	if rd.Home != nil {
		return rd.Home
	}
	return app.DefaultAuthority()
}

// Read reads an EES CSV with the default mapping and the 2025 neighbour
// model, adding no indicator definitions.
func Read(name string, r io.Reader) (*app.Dataset, []app.Warning, error) {
	rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
	return rd.Read(name, r)
}

// Read reads one CSV. Errors name the file and line; rows it cannot use
// become warnings: a value it cannot read at its row; rows of a period
// the app does not keep (see periodOf), rows no rule reads and rows of
// another geography once per kind, with their count and first line.
func (rd *Reader) Read(name string, r io.Reader) (*app.Dataset, []app.Warning, error) {
	base := filepath.Base(name)
	fail := func(line int, err error) error {
		loc := app.Location{File: base}
		if line > 0 {
			loc.Cell = fmt.Sprintf("line %d", line)
		}
		return &app.SourceError{Location: loc, Err: err}
	}
	if err := rd.Mapping.Validate(); err != nil {
		return nil, nil, fail(0, err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fail(0, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fail(1, fmt.Errorf("reading the header: %w", err))
	}
	if err := MissingError(header); err != nil {
		return nil, nil, fail(1, err)
	}
	if !Detect(header) {
		return nil, nil, fail(1, errors.New("not an explore-education-statistics CSV: no time_period, time_identifier and geographic_level columns"))
	}
	cols := newColumns(header)
	var rules []int
	for i, rule := range rd.Mapping.Rules {
		if rule.applies(name, cols) {
			rules = append(rules, i)
		}
	}
	if len(rules) == 0 {
		return nil, nil, fail(1, fmt.Errorf("no mapping rule fits this file's columns (%s): add one naming its filter and indicator columns", strings.Join(header, ", ")))
	}

	var warns []app.Warning
	warn := func(line int, format string, args ...any) {
		warns = append(warns, app.Warning{
			Location: app.Location{File: base, Cell: fmt.Sprintf("line %d", line)},
			Message:  fmt.Sprintf(format, args...),
		})
	}
	// Rules name the same few columns on every row: look each up once.
	index := map[string]int{}
	get := func(rec []string, col string) string {
		i, ok := index[col]
		if !ok {
			if i, ok = cols.find(col); !ok {
				i = -1
			}
			index[col] = i
		}
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	// Several rules read one cell (the count is CIC01's value and
	// CIC02's numerator): what is wrong with it is said once.
	type cellAt struct {
		line int
		col  string
	}
	said := map[cellAt]bool{}
	warnCell := func(line int, col, format string, args ...any) {
		if !said[cellAt{line, col}] {
			said[cellAt{line, col}] = true
			warn(line, format, args...)
		}
	}
	read := func(rec []string, line int, col string) *figure {
		text := get(rec, col)
		if strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") {
			// An accountant's minus elsewhere; the DfE writes none, and
			// "(1896)" children was stored as -1896.
			warnCell(line, col, "%s: %q: a number in brackets, which DfE files do not write; not read", col, text)
			return nil
		}
		if strings.TrimSpace(text) == "NA" {
			// R's and pandas' mark for a missing value, not one of the
			// DfE's codes: read as the "n/a" a person types, it was
			// stored as z (not applicable), which the file did not say.
			warnCell(line, col, "%s: \"NA\", R's (and pandas') mark for a missing value, not one of the DfE's codes (x not available, z not applicable): no figure, and no code saying why; not read", col)
			return nil
		}
		f, err := value.Parse(text)
		if err != nil {
			if errors.Is(err, value.ErrEmpty) {
				warnCell(line, col, "%s is blank; not read", col)
			} else {
				warnCell(line, col, "%s: %v; not read", col, err)
			}
			return nil
		}
		if f.Marker != "" {
			warnCell(line, col, "%s: %q read as %s, marked [%s]: %s", col, text, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Marker, value.MarkerMeaning(f.Marker))
		}
		if sign := strings.IndexAny(text, "%£"); sign >= 0 && f.Marker == "" {
			// The DfE's columns say their units in their names
			// (children_percent); a sign in a cell was dropped unsaid.
			warnCell(line, col, "%s: %q read as %s, its %q dropped: DfE files write plain numbers, the unit in the column's name", col, text, strconv.FormatFloat(f.Value, 'f', -1, 64), string([]rune(text[sign:])[0]))
		}
		return &figure{Figure: f, line: line, col: col}
	}
	// checked warns of a figure no count, percentage or rate can be
	// (impossible), once a cell, and keeps it, as the workbook reader
	// keeps such a figure said at its cell.
	// A cell warned of as read ("150%", its sign dropped) is still
	// said to be out of range: its own set of cells said.
	impossibleSaid := map[cellAt]bool{}
	checked := func(f *figure, why func(float64) string) *figure {
		if v, ok := f.figure(); ok {
			if w := why(v); w != "" && !impossibleSaid[cellAt{f.line, f.col}] {
				impossibleSaid[cellAt{f.line, f.col}] = true
				warn(f.line, "%s: %q read as %s, %s; kept as given: check the figure", f.col, strings.TrimSpace(f.Raw), strconv.FormatFloat(v, 'f', -1, 64), w)
			}
		}
		return f
	}
	readPart := func(rec []string, line int, col string) *figure {
		return checked(read(rec, line, col), impossiblePart)
	}

	fold := memoFold()
	var skipped, mixed, joint, abbreviated tally
	// Whether any row was an authority's, and any the home authority's:
	// a file of every council's rows but none of the home's (its codes
	// mistyped, or another region's extract) read only England's.
	var sawAuthority, sawHome bool
	var unknown unknownYears
	var kinds yearKinds
	var reads []string
	applied := make([]Rule, len(rules))
	for i, ri := range rules {
		applied[i] = rd.Mapping.Rules[ri]
		if ref := applied[i].Indicator.Ref; !slices.Contains(reads, ref) {
			reads = append(reads, ref)
		}
	}
	unreadRows := newUnread(header, cols, applied)
	bd := scanBreakdowns(data, cols, unreadColumns(header, cols, applied))
	conflicted, denConflicted := conflicts{}, conflicts{}
	var repeated repeats
	clashes := map[int]clash{}
	for _, ri := range rules {
		if c, ok := clashOf(rd.Mapping.Rules[ri], rd.Defined); ok {
			clashes[ri] = c
		}
	}
	homeID := newHomeIdentity(rd.home())
	groups := map[seriesKey]map[string]*areaRows{}
	var order []seriesKey
	// places holds the most decimal places each rule's value column shows
	// in any row: the precision it is published to. The DfE writes 21.0
	// as "21" beside 19.6, so one figure's text does not say it.
	places := map[int]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fail(pe.Line, pe.Err)
			}
			return nil, nil, fail(0, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, nil, fail(line, fmt.Errorf("%d fields where the header has %d", len(rec), len(header)))
		}
		level := fold(get(rec, colLevel))
		if l, as := abbreviatedLevel(level, rec, get); l != "" {
			abbreviated.add(fmt.Sprintf("geographic_level %q read as %s", get(rec, colLevel), as), line)
			level = l
		}
		if level != levelNational && level != levelRegional && level != levelAuthority || level == levelNational && otherCountry(rec, get) {
			unreadRows.level(levelSkipped(get(rec, colLevel), level, rec, get), line)
			continue
		}
		period, err := periodOf(get(rec, colTimePeriod), get(rec, colTimeID))
		if err != nil {
			// One warning per kind of unreadable period, not per row: a
			// termly file has thousands.
			skipped.add(err.Error(), line)
			continue
		}
		reporting := isReportingYear(get(rec, colTimeID))
		key, area := areaOf(rec, level, get, homeID)
		if area.mixed {
			mixed.add(fmt.Sprintf("the row's codes and name (%s) name %s and another council: not read, neither as %s's figure nor as a benchmark",
				identifiers(rec, get), rd.home().Name, rd.home().Name), line)
			continue
		}
		sawAuthority = sawAuthority || level == levelAuthority
		sawHome = sawHome || area.home
		if area.joint && area.home {
			joint.add(fmt.Sprintf("the row's codes name several authorities together (%s): read as %s's, the DfE's one figure for them", identifiers(rec, get), rd.home().Name), line)
		}
		covered := false
		// A row breaking a figure down beside its total row is left,
		// counted once for all the rules that would read it.
		breakdown, counted := bd.notTotal(rec), false
		for _, ri := range rules {
			rule := rd.Mapping.Rules[ri]
			isValue := matches(fold, rec, get, rule.Filters, nil)
			isDen := len(rule.DenominatorFilters) > 0 && matches(fold, rec, get, rule.Filters, rule.DenominatorFilters)
			if !isValue && !isDen {
				continue
			}
			covered = true
			if breakdown != nil {
				if !counted {
					breakdown.skip(rec, line)
					counted = true
				}
				continue
			}
			filed, known := rule.filed(period, reporting)
			if !known {
				unknown.add(ri, period.Year, line)
			}
			kinds.add(ri, rule, filed, get(rec, colTimeID), line)
			sk := seriesKey{ri, filed}
			g, ok := groups[sk]
			if !ok {
				g = map[string]*areaRows{}
				groups[sk] = g
				order = append(order, sk)
			}
			a, ok := g[key]
			if !ok {
				a = cloneArea(area)
				a.line = line
				g[key] = a
			}
			if isValue {
				if a.val != nil {
					// Two rows for one figure: a column no rule reads may
					// tell them apart (sex, age), or they differ with
					// nothing to say why. Only a true repeat keeps one.
					if diff := bd.differing(a.rec, rec); len(diff) > 0 {
						for _, c := range diff {
							if !slices.Contains(a.splitBy, c) {
								a.splitBy = append(a.splitBy, c)
								c.split(ri, a.val.line)
							}
						}
					} else if raw := get(rec, rule.Value); raw != strings.TrimSpace(a.val.Raw) {
						conflicted.add(ri, line, a.val.line, strings.TrimSpace(a.val.Raw), raw)
						a.conflict = true
					} else {
						repeated.add(ri, rule.Value, line, a.val.line, fmt.Sprintf("%s for %s %s", rule.Value, a.label(), period))
					}
					continue
				}
				a.rec = rec
				if f := read(rec, line, rule.Value); f != nil {
					a.val = checked(f, func(v float64) string { return impossible(rule.Indicator, v) })
					if n := value.Places(f.Raw); f.Status == app.OK && n >= 0 {
						places[ri] = max(places[ri], n)
					}
				} else {
					// Warned already. Its status is "not available" for
					// what reads it as a figure, but nothing is stored.
					a.val = &figure{Figure: value.Figure{Status: app.NotAvailable, Raw: get(rec, rule.Value)}, line: line, col: rule.Value, unread: true}
				}
				if rule.Numerator != "" {
					a.num = readPart(rec, line, rule.Numerator)
				}
				if rule.Denominator != "" && len(rule.DenominatorFilters) == 0 {
					a.den = readPart(rec, line, rule.Denominator)
				}
			}
			switch raw := get(rec, rule.Denominator); {
			case !isDen || a.denConflict:
			case a.den == nil:
				a.den = readPart(rec, line, rule.Denominator)
			case raw != strings.TrimSpace(a.den.Raw):
				// Two rows for one denominator: the first was kept,
				// the second passed over, unsaid. As for two
				// values, neither is read.
				denConflicted.add(ri, line, a.den.line, strings.TrimSpace(a.den.Raw), raw)
				a.den, a.denConflict = nil, true
			default:
				repeated.add(ri, rule.Denominator, line, a.den.line, fmt.Sprintf("%s for %s %s", rule.Denominator, a.label(), period))
			}
		}
		if !covered {
			unreadRows.row(rec, line)
		}
	}

	var notRead []string
	for _, c := range unreadColumns(header, cols, applied) {
		if !bd.handled(c) {
			notRead = append(notRead, bd.oneValue(c))
		}
	}
	warnColumns(notRead, strings.Join(reads, ", "), warn)
	bd.warn(strings.Join(reads, ", "), func(ri int) string { return rd.Mapping.Rules[ri].Indicator.Ref }, warn)
	conflicted.warn(rules, rd.Mapping.Rules, func(r Rule) string { return r.Value }, warn)
	denConflicted.warn(rules, rd.Mapping.Rules, func(r Rule) string { return r.Denominator }, warn)
	repeated.warn(warn)
	unreadRows.warn(strings.Join(reads, ", "), warn)
	unknown.warn(rd.Mapping.Rules, warn)
	kinds.warn(rd.Mapping.Rules, warn)
	for _, k := range skipped.order {
		c := skipped.counts[k]
		warn(c.first, "%s: %s skipped, the first here", k, breakdown.Rows(c.n))
	}
	if sawAuthority && !sawHome && len(mixed.order) == 0 {
		h := rd.home()
		warn(1, "no authority's row is %s's (old_la_code %s, new_la_code %s or la_name %s): none of its figures read, only England's, the regions' and its statistical neighbours' as benchmarks",
			h.Name, h.Old, h.New, h.Name)
	}
	for _, k := range abbreviated.order {
		c := abbreviated.counts[k]
		warn(c.first, "%s (%s, the first here)", k, breakdown.Rows(c.n))
	}
	for _, t := range []*tally{&mixed, &joint} {
		for _, k := range t.order {
			c := t.counts[k]
			warn(c.first, "%s (%s, the first here)", k, breakdown.Rows(c.n))
		}
	}

	d := &app.Dataset{}
	var notes notes
	known := map[string]bool{}
	// A clashing rule's figures are read as any rule's, into a dataset of
	// their own that is only counted, so that the warning says what was
	// left out.
	left := map[int]*app.Dataset{}
	for _, sk := range order {
		rule := rd.Mapping.Rules[sk.rule]
		n, ok := places[sk.rule]
		if bd.refuses(sk.rule) {
			continue // warned of by its column
		}
		if _, clashed := clashes[sk.rule]; clashed {
			if left[sk.rule] == nil {
				left[sk.rule] = &app.Dataset{}
			}
			rd.emit(left[sk.rule], base, rule, sk.period, groups[sk], published{n, ok}, new(notes), func(int, string, ...any) {})
			continue
		}
		if rd.Known != nil && !known[rule.Indicator.Ref] {
			known[rule.Indicator.Ref] = true
			if !rd.Known(rule.Indicator.Ref) {
				d.Indicators = append(d.Indicators, rule.Indicator)
				if s, ok := namesake(rule.Indicator, rd.Stored); ok {
					warn(homeLine(groups, sk.rule, order), "%s", namesakeWarning(rule.Indicator, s))
				}
			}
		}
		rd.emit(d, base, rule, sk.period, groups[sk], published{n, ok}, &notes, warn)
	}
	var refused []string
	for _, ri := range rules {
		c, ok := clashes[ri]
		l := left[ri]
		if !ok || l == nil {
			continue // no row of the file was the rule's: nothing left out
		}
		warn(1, "%s", c.warning(fmt.Sprintf("its %s and %s were", counted(len(l.Observations), "figure"), counted(len(l.Benchmarks), "benchmark"))))
		refused = append(refused, c.String())
	}
	if sawHome {
		// A file with no row of the home's at all says so once, above.
		notes.absent.warn(rd.home().Name, warn)
	}
	notes.region.warn(rd.home().Name, warn)
	notes.exact.warn(rd.home().Name, warn)
	notes.rank.warn(rd.home().Name, warn)
	notes.unranked.warn(rd.home().Name, warn)
	if sub := bd.subgroups(); d.Empty() && len(sub) > 0 {
		return nil, warns, fail(1, fmt.Errorf("not imported: column %s is %q on every row, with no Total row: the file's figures are of those children alone, not all children (see the warnings)", sub[0].Name, sub[0].Values[0]))
	}
	if d.Empty() && slices.ContainsFunc(rules, bd.refuses) {
		return nil, warns, fail(1, errors.New("not imported: a column no mapping rule reads breaks every figure down, with no Total row to read (see the warnings)"))
	}
	if d.Empty() && len(refused) > 0 {
		return nil, warns, fail(1, fmt.Errorf("not imported: nothing the mapping reads fits this store's definitions: %s. %s", strings.Join(refused, "; "), clashAdvice))
	}
	if d.Empty() {
		// A refused import shows its error alone: the rows skipped for
		// their geography or their period are often the reason.
		reasons := unreadRows.levelReasons()
		if len(skipped.order) > 0 {
			k := skipped.order[0]
			reasons = append(reasons, fmt.Sprintf("%s: %s skipped, the first at line %d", k, breakdown.Rows(skipped.counts[k].n), skipped.counts[k].first))
		}
		why := ""
		if len(reasons) > 0 {
			why = " (" + strings.Join(reasons, "; ") + ")"
		}
		return nil, warns, fail(0, fmt.Errorf("no figures for %s, England or any region matched the mapping%s", rd.home().Name, why))
	}
	return d, warns, nil
}
