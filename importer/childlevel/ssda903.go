package childlevel

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// The SSDA903 tables this package reads, as Detect903 names them.
const (
	Table903Header   = "Header"
	Table903Episodes = "Episodes"
	Table903UASC     = "UASC"
)

// table903Columns are the columns each table must have; Detect903 checks
// the most distinctive table first, since all three have CHILD and the
// Header and UASC tables share SEX and DOB.
var table903Columns = []struct {
	table   string
	columns []string
}{
	{Table903Episodes, []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"}},
	{Table903UASC, []string{"CHILD", "DUC"}},
	{Table903Header, []string{"CHILD", "SEX", "DOB", "ETHNIC"}},
}

// Detect903 reports which SSDA903 table a CSV header row is: "Header"
// (CHILD,SEX,DOB,ETHNIC,...), "Episodes" (CHILD,DECOM,RNE,LS,CIN,PLACE,...)
// or "UASC" (CHILD,SEX,DOB,DUC).
func Detect903(header []string) (table string, ok bool) {
	cols := columns903(header)
	for _, t := range table903Columns {
		if hasAll(cols, t.columns) {
			return t.table, true
		}
	}
	return "", false
}

func columns903(header []string) map[string]int {
	cols := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	return cols
}

func hasAll(cols map[string]int, want []string) bool {
	for _, w := range want {
		if _, ok := cols[w]; !ok {
			return false
		}
	}
	return true
}

// episode is one 903 episode: a period during which a child's legal
// status and placement stayed the same.
type episode struct {
	start, end time.Time // DECOM, DEC (zero while open)
	rne        string    // RNE, when a known code
	place      string    // PLACE, when a known code
	reason     string    // REC's group, or X1; "" while open
	// The published groups of LS, CIN and PLACE (or NotRecognised).
	legal, need, placement string
	carer                  string // PLACE_PROVIDER, URN and PL_POST, to see a return from a temporary placement
	line                   int
}

type header903 struct {
	sex, ethnicity string
	birth          time.Time
	line           int
}

// uasc903 is a child's UASC table line: the date UASC status ceased,
// zero while UASC.
type uasc903 struct {
	duc  time.Time
	line int
}

// Read903 reads the SSDA903 Header, Episodes and UASC tables (CSV, any
// order, found by their header rows) and returns their aggregates for the
// month of snapshot, over the 12 months to it. A zero snapshot is taken as
// 31 March of the collection year the latest episode starts in, with a
// warning, and an episode ending after that day is reported as a data
// error.
// All three tables are needed (the UASC table may have no rows): without
// it no child could be told apart as UASC. The return is auth's (nil:
// app.DefaultAuthority), whose figures they are.
func Read903(paths []string, snapshot time.Time, auth *app.Authority) (*app.Dataset, []app.Warning, error) {
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	r := reader903{
		headers:    map[string]header903{},
		episodes:   map[string][]episode{},
		uasc:       map[string]uasc903{},
		episodeIDs: map[string]int{},
		unreadEnd:  map[string]time.Time{},
	}
	found := map[string]string{}
	for _, p := range paths {
		table, err := r.readFile(p)
		if err != nil {
			return nil, nil, err
		}
		if prev, dup := found[table]; dup {
			return nil, nil, &app.SourceError{Location: app.Location{File: p},
				Err: fmt.Errorf("a second %s table (the first was %s)", table, prev)}
		}
		found[table] = p
	}
	r.headerFile, r.uascFile = found[Table903Header], found[Table903UASC]
	for _, t := range []string{Table903Header, Table903Episodes, Table903UASC} {
		if found[t] == "" {
			return nil, nil, &app.SourceError{Location: app.Location{File: strings.Join(paths, ", ")},
				Err: fmt.Errorf("no %s table among the files: the 903 needs Header, Episodes and UASC", t)}
		}
	}
	return r.dataset(auth, found[Table903Episodes], snapshot)
}

type reader903 struct {
	// Keyed by the child's identifier while reading; the keys never leave
	// this reader.
	headers  map[string]header903
	episodes map[string][]episode
	uasc     map[string]uasc903
	// episodeIDs are the Episodes table's children, by the line each
	// is first on, their episodes read or not: a UASC line of a child
	// whose every episode was skipped is no orphan.
	episodeIDs map[string]int
	// unreadEnd is the latest DECOM of a child's episodes not counted
	// for a DEC that cannot be read.
	unreadEnd map[string]time.Time
	latest    time.Time // the latest DECOM or DEC
	// latestStart is the latest DECOM, which dates the return's
	// collection year.
	latestStart time.Time
	warnings    warnings
	unrec       unrecognised
	headerFile  string
	uascFile    string
	order       dateOrder // what the tables' dates say of their order
}

// readFile reads one table, returning which it was.
func (r *reader903) readFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", &app.SourceError{Location: app.Location{File: path}, Err: err}
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return "", &app.SourceError{Location: app.Location{File: path, Cell: "line 1"}, Err: fmt.Errorf("no header row: %w", err)}
	}
	table, ok := Detect903(head)
	if !ok {
		return "", &app.SourceError{Location: app.Location{File: path, Cell: "line 1"},
			Err: errors.New("not an SSDA903 Header, Episodes or UASC table (no CHILD,SEX,DOB,ETHNIC; CHILD,DECOM,RNE,...; or CHILD,DUC header)")}
	}
	cols := columns903(head)
	r.warnings.file = path
	r.warnUnread(table, head, cols)
	now := today() // no date in a return can be after it
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		at := app.Location{File: path, Cell: fmt.Sprintf("line %d", line)}
		if err != nil {
			return "", &app.SourceError{Location: at, Err: err}
		}
		get := func(col string) string {
			i, ok := cols[col]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		id := get("CHILD")
		if id == "" {
			if !blank(rec) {
				r.warnings.add(at.Cell, "no CHILD: line skipped")
			}
			continue
		}
		// date reads a column's date, and whether it could: a date
		// that cannot be read is the zero time, as a blank is, and the
		// caller must not take it for one.
		date := func(col string) (time.Time, bool) {
			s := get(col)
			r.order.note(s, func() app.Location { return at })
			t, err := parseDate(s)
			if err != nil {
				// Each says what the line counts as without the date.
				r.warnings.add(at.Cell, fmt.Sprintf("%s %v: %s", col, err, unreadDate903[col]))
			}
			return t, err == nil
		}
		coded := func(col, what string, read func(string) string) string {
			v := read(get(col))
			if v == NotRecognised {
				r.unrec.add(app.Location{File: path, Cell: "column " + col}, what, `"`+NotRecognised+`"`, "line", line)
			}
			return v
		}
		switch table {
		case Table903Header:
			// A child's second line is refused, not merged: which of
			// two lines is right cannot be told.
			if h, dup := r.headers[id]; dup {
				r.warnings.add(at.Cell, fmt.Sprintf("the same child as line %d: line skipped (the first is read)", h.line))
				continue
			}
			birth, _ := date("DOB")
			r.headers[id] = header903{sex: coded("SEX", "sex", gender), ethnicity: coded("ETHNIC", "ethnicity", ethnicGroup),
				birth: birth, line: line}
		case Table903UASC:
			if u, dup := r.uasc[id]; dup {
				r.warnings.add(at.Cell, fmt.Sprintf("the same child as line %d: line skipped (the first is read)", u.line))
				continue
			}
			duc, _ := date("DUC")
			r.uasc[id] = uasc903{duc: duc, line: line}
		case Table903Episodes:
			if _, seen := r.episodeIDs[id]; !seen {
				r.episodeIDs[id] = line
			}
			if get("DECOM") == "" {
				r.warnings.add(at.Cell, "no DECOM (date the episode began): episode not counted")
				continue
			}
			start, startRead := date("DECOM")
			end, endRead := date("DEC")
			e := episode{start: start, end: end, line: line,
				legal: coded("LS", "legal status", legalStatus), need: coded("CIN", "category of need", categoryOfNeed),
				placement: coded("PLACE", "placement type", placementType),
				carer:     get("PLACE_PROVIDER") + "|" + get("URN") + "|" + get("PL_POST")}
			// The codes the logic needs are kept only when on their list.
			if rne := strings.ToUpper(get("RNE")); newEpisodeReasons[rne] {
				e.rne = rne
			} else if rne != "" {
				r.unrec.add(app.Location{File: path, Cell: "column RNE"}, "reason for new episode", "no new placement", "line", line)
			}
			if code := leadingCode(get("PLACE")); placementTypes[code] != "" {
				e.place = code
			}
			if rec := get("REC"); rec != "" {
				if e.reason = reasonCeased(rec); e.reason == NotRecognised {
					r.unrec.add(app.Location{File: path, Cell: "column REC"}, "reason episode ceased", "a period of care ending, not by adoption", "line", line)
				} else if leadingCode(rec) == "X1" {
					e.reason = "X1"
				}
			}
			if !startRead || !endRead {
				// Unreadable, and said so. An end date read as none
				// counted an adopted child as still in care (QA hB F11).
				if startRead {
					r.unreadEnd[id] = later(r.unreadEnd[id], e.start)
				}
				continue
			}
			if e.start.After(now) {
				// A slip (2062 for 2026): left in, it would date the
				// whole return by a year still to come.
				r.warnings.add(at.Cell, fmt.Sprintf("DECOM (date the episode began) is after today (%s): episode not counted", now.Format(dateLabel)))
				continue
			}
			if !e.end.IsZero() && e.end.Before(e.start) {
				r.warnings.add(at.Cell, "DEC (date the episode ceased) is before DECOM (date it began): episode not counted")
				continue
			}
			if get("DEC") == "" && get("REC") != "" {
				r.warnings.add(at.Cell, "REC (reason the episode ceased) but no DEC (date it ceased): read as open")
			}
			if e.end.After(now) {
				r.warnings.add(at.Cell, fmt.Sprintf("DEC (date the episode ceased) is after today (%s): read as open", now.Format(dateLabel)))
				e.end, e.reason = time.Time{}, ""
			}
			r.latest = later(later(r.latest, e.start), e.end)
			r.latestStart = later(r.latestStart, e.start)
			r.episodes[id] = append(r.episodes[id], e)
		}
	}
	return table, nil
}

// read903 are the columns each table's reader reads.
var read903 = map[string][]string{
	Table903Header:   {"CHILD", "SEX", "DOB", "ETHNIC"},
	Table903UASC:     {"CHILD", "DUC"},
	Table903Episodes: {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "URN", "PL_POST", "DEC", "REC"},
}

// warnUnread reports each headed column of a table's header line that its
// reader leaves unread, by letter and heading alone, as warnUnread does
// for Annex A: the lines below may hold a child's data, and are never
// quoted.
func (r *reader903) warnUnread(table string, head []string, cols map[string]int) {
	for i, h := range head {
		name := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if name == "" || cols[name] == i && slices.Contains(read903[table], name) {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		r.warnings.add("line 1", fmt.Sprintf("column %s %q not read: the %s table's reader does not read it", col,
			clip(strings.Join(strings.Fields(h), " "), maxHeading), table))
	}
}

// dataset works out each child's figures for the snapshot date.
func (r *reader903) dataset(auth *app.Authority, episodesFile string, snapshot time.Time) (*app.Dataset, []app.Warning, error) {
	if err := r.order.refusal(); err != nil {
		return nil, nil, err
	}
	if len(r.episodes) == 0 {
		return nil, nil, r.noEpisodes(episodesFile)
	}
	r.warnings.file = episodesFile
	r.matchIDs(episodesFile)
	var early []app.Warning
	if why, ok := r.order.mixed(episodesFile); ok {
		early = append(early, app.Warning{Location: app.Location{File: episodesFile}, Message: why})
	}
	yearEnd := false // the snapshot is the end of the return's collection year
	if snapshot.IsZero() {
		var why string
		snapshot, why, yearEnd = r.inferSnapshot()
		early = append(early, app.Warning{Location: app.Location{File: episodesFile}, Message: fmt.Sprintf(
			"no snapshot date given: took %s, %s", snapshot.Format(dateLabel), why)})
	}
	start := periodStart(snapshot)
	children := make([]child, 0, len(r.episodes))
	var future, firstFuture int // episodes beginning after the snapshot date
	var adults, firstAdult int  // children in care aged 18 or over, by Header line
	for _, id := range r.inFileOrder() {
		eps := r.checkEpisodes(r.episodes[id])
		if u, ok := r.unreadEnd[id]; ok && !eps[len(eps)-1].start.After(u) {
			// The child's last episode ended on a date that cannot be
			// read: whether the child was in care on the snapshot date,
			// or left in the 12 months, cannot be told, and neither is
			// guessed. Said at the line (unreadDate903).
			continue
		}
		for _, e := range eps {
			if yearEnd && e.end.After(snapshot) {
				// A return covers one collection year: an episode cannot
				// end after it. Such a date is a slip, not a later year's
				// data.
				r.warnings.add(fmt.Sprintf("line %d", e.line), fmt.Sprintf(
					"DEC (date the episode ceased) is after %s, the end of the return's collection year: a data error; the episode is read as open on that day",
					snapshot.Format(dateLabel)))
			}
			if e.start.After(snapshot) {
				future++
				if firstFuture == 0 || e.line < firstFuture {
					firstFuture = e.line
				}
			}
		}
		h, hasHeader := r.headers[id]
		if !hasHeader {
			r.warnings.add(fmt.Sprintf("line %d", eps[0].line), "the child has no Header row: gender, ethnicity and age not recorded")
		}
		c := child{gender: Unknown, ethnicity: Unknown, ageBand: Unknown}
		if hasHeader {
			c.gender, c.ethnicity, c.ageBand = h.sex, h.ethnicity, r.ageBand(h, eps[0], snapshot)
		}
		if u, ok := r.uasc[id]; ok {
			c.uascOnSnapshot = u.duc.IsZero() || u.duc.After(snapshot)
			c.uascInPeriod = u.duc.IsZero() || !u.duc.Before(start)
		}
		if cur, ok := current(eps, snapshot); ok {
			c.inCare = true
			c.legal, c.placement, c.need = cur.legal, cur.placement, cur.need
			c.placements = placements(eps, start, snapshot)
		} else if last := eps[len(eps)-1]; last.reason == "X1" && !last.end.IsZero() && !last.end.After(snapshot) {
			// X1 ends an episode, not the period of care: the child is
			// still looked after, but the next episode, with its legal
			// status, placement and any move, is not in the tables.
			c.inCare, c.legal, c.placement, c.need, c.placements = true, Unknown, Unknown, last.need, -1
			r.warnings.add(fmt.Sprintf("line %d", last.line), fmt.Sprintf(
				"REC X1 (the episode ceased, the child still looked after) on %s, but the child has no later episode, "+
					"which the 903's validation refuses: counted in care on %s, with legal status and placement type not recorded, "+
					"the category of need of this episode, and left out of the 3+ placements figure, since any placement since is not known",
				last.end.Format(dateLabel), snapshot.Format(dateLabel)))
		}
		if hasHeader && c.inCare && !h.birth.IsZero() && ageOn(h.birth, snapshot) >= 18 {
			adults++
			if firstAdult == 0 || h.line < firstAdult {
				firstAdult = h.line
			}
		}
		if last, ok := lastCeased(eps, snapshot); ok {
			c.ceased = true
			c.adopted = last.reason == reasonAdopted
		}
		if e, ok := latestStart(eps, snapshot); ok {
			c.started, c.startNeed = true, e.need
		}
		if e, ok := reentry(eps, snapshot); ok {
			c.reentry, c.reentryNeed = true, e.need
			c.startNeed = e.need
		}
		if c.inCare || c.ceased || c.reentry || c.started {
			children = append(children, c)
		}
	}
	if future > 0 {
		// Not an error (a return counted as at an earlier date), but
		// every line left out is said.
		what := "episodes begin"
		if future == 1 {
			what = "episode begins"
		}
		r.warnings.add(fmt.Sprintf("line %d", firstFuture), fmt.Sprintf(
			"%d %s after the snapshot date (%s), the first on this line: not in its figures",
			future, what, snapshot.Format(dateLabel)))
	}
	if adults > 0 {
		// No one is looked after past 18 (903 validation refuses it):
		// counted unsaid, such a child made the number in care one more.
		file := r.warnings.file
		r.warnings.file = r.headerFile
		r.warnings.add(fmt.Sprintf("line %d", firstAdult), fmt.Sprintf(
			"%d %s aged 18 or over on the snapshot date (%s) and in care by the Episodes table, the first on this line: no one is looked after past 18 (a DEC left blank, or a DOB wrong?); counted as given",
			adults, childrenWord(adults), snapshot.Format(dateLabel)))
		r.warnings.file = file
	}
	have := fields{placements: true, legal: true, placement: true, reentry: true, reason: true}
	d := aggregate(auth, children, snapshot, have, uascRules(snapshot))
	d.AsAt = snapshot
	return d, append(append(early, r.unrec.warnings()...), r.warnings.done()...), nil
}

// inferSnapshot dates a return given no date. A 903 return covers a
// collection year, 1 April to 31 March, and its episodes start in that
// year: its date is the 31 March ending the year of the latest DECOM.
// yearEnd says so. A year that has not yet ended (an in-year extract) is
// dated by the latest date in the tables instead, never after today.
func (r *reader903) inferSnapshot() (snapshot time.Time, why string, yearEnd bool) {
	y := r.latestStart.Year()
	if r.latestStart.Month() > time.March {
		y++
	}
	snapshot = time.Date(y, time.March, 31, 0, 0, 0, 0, time.UTC)
	few := r.fewStarts(time.Date(y-1, time.April, 1, 0, 0, 0, 0, time.UTC))
	now := today()
	if !snapshot.After(now) {
		return snapshot, fmt.Sprintf("the end of the %d/%02d collection year, in which the latest episode starts (DECOM %s)%s",
			y-1, y%100, r.latestStart.Format(dateLabel), few), true
	}
	snapshot = r.latest
	if snapshot.After(now) {
		snapshot = now
	}
	return snapshot, fmt.Sprintf("the latest date in the tables, since the %d/%02d collection year has not ended%s", y-1, y%100, few), false
}

// current returns the episode open on the snapshot date.
func current(eps []episode, snapshot time.Time) (episode, bool) {
	for i := len(eps) - 1; i >= 0; i-- {
		e := eps[i]
		if !e.start.After(snapshot) && (e.end.IsZero() || e.end.After(snapshot)) {
			return e, true
		}
	}
	return episode{}, false
}

// ended reports whether an episode ended a period of care: it has an end
// date and a reason other than X1 (the episode ceased and a new one
// began).
func (e episode) ended() bool { return !e.end.IsZero() && e.reason != "" && e.reason != "X1" }

// lastCeased returns the last episode that ended a period of care in the
// 12 months to the snapshot date.
func lastCeased(eps []episode, snapshot time.Time) (episode, bool) {
	for i := len(eps) - 1; i >= 0; i-- {
		if e := eps[i]; e.ended() && inPeriod(e.end, snapshot) {
			return e, true
		}
	}
	return episode{}, false
}

// reentry returns the latest episode in the 12 months to the snapshot date
// that started a period of care (RNE S) within 12 months of the end of an
// earlier one: the earlier one ended on or after the date a year before
// the start (yearBefore), so that, as for the 12 months to a snapshot
// date, a period ended on 29 February 2024 is within 12 months of a start
// on 28 February 2025 but not of one on 1 March 2025. Only the episodes the tables hold can show an earlier
// period: a return of one year misses periods that ended before it.
func reentry(eps []episode, snapshot time.Time) (episode, bool) {
	for i := len(eps) - 1; i > 0; i-- {
		e := eps[i]
		if e.rne != "S" || !inPeriod(e.start, snapshot) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if p := eps[j]; p.ended() && !p.end.After(e.start) && !p.end.Before(yearBefore(e.start)) {
				return e, true
			}
		}
	}
	return episode{}, false
}

// placements counts the placements a child had in [start, end]: the one in
// force when the window opens or the first in it, then one for each
// episode that moved the child to new carers (RNE S, P or T). A change of
// legal status only (L) or of placement with the same carers (U, B) is no
// new placement, and temporary placements (T0-T4) and the return from one
// to the same carers are not counted, following the DfE's placement
// stability measure.
func placements(eps []episode, start, end time.Time) int {
	n := 0
	var last *episode // the last non-temporary episode seen
	away := false     // a temporary placement since last
	for i := range eps {
		e := &eps[i]
		if e.start.After(end) {
			break
		}
		temporary := len(e.place) == 2 && e.place[0] == 'T' && e.place[1] >= '0' && e.place[1] <= '4'
		if !e.end.IsZero() && e.end.Before(start) {
			if !temporary {
				last, away = e, false
			}
			continue
		}
		if temporary {
			away = true
			continue
		}
		switch {
		case n == 0:
			n = 1
		case away && last != nil && e.carer == last.carer && e.place == last.place:
			// back from a temporary placement to the same carers
		case e.rne == "S" || e.rne == "P" || e.rne == "T":
			n++
		}
		last, away = e, false
	}
	return n
}
