package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// tidyDefs checks that a tidy table's rows of one Ref say one measure.
// The indicator is defined by its first row (tidyIndicator); a later row
// whose own Unit or Data period says otherwise ("%" under "count") holds
// a figure of another measure, which read as the Ref's would be taken
// from all children's when excluding a cohort (1896 children less "22%"
// is no figure at all). Such a row is skipped, and a cohort's row whose
// Polarity differs too; an all-children row whose polarity alone
// differs is read, and said.
type tidyDefs struct {
	// first is each part as the first row of the Ref stating it gave it,
	// and where (a cell, or a CSV's line).
	first map[string]*[len(tidyParts)]tidySaid
	// said are the warnings, one per Ref, cohort and difference, with the
	// rows they speak for, in the order first met.
	said  map[string]*tidyDiffer
	order []string
}

// tidyParts are the parts of a definition a tidy row may state, as
// tidyIndicator reads them.
var tidyParts = [...]struct {
	role Role
	name string
}{{RoleUnit, "unit"}, {RoleDataPeriod, "data period"}, {RolePolarity, "polarity"}}

type tidySaid struct {
	text, words, cell string
}

type tidyDiffer struct {
	sheet, cell, msg, ref string
	split                 app.Split
	skip                  bool
	n                     int
}

func newTidyDefs() *tidyDefs {
	return &tidyDefs{first: map[string]*[len(tidyParts)]tidySaid{}, said: map[string]*tidyDiffer{}}
}

// tidyWords is what a tidy row's Unit, Data period or Polarity cell
// means, for comparing two rows written differently ("%", "Percentage");
// "" for a cell that states nothing the app reads: a blank data period or
// polarity ("-", "n/a"), often a placeholder, or words it has no unit
// for.
func tidyWords(role Role, text string) string {
	switch role {
	case RoleUnit:
		if uc := readUnitCell("", text, ""); uc.unit != "" || uc.measure != "" {
			return string(uc.unit) + "|" + string(uc.measure)
		}
	case RoleDataPeriod:
		if dp, year, err := app.ParseDataPeriodYear(text); err == nil && (dp != "" || year != 0) {
			return fmt.Sprintf("%s|%d", dp, year)
		}
	case RolePolarity:
		if p, err := app.ParsePolarity(text); err == nil {
			return p.String()
		}
	}
	return ""
}

// agree reports whether row r, of ref and split, may be read as ref's
// figure: false where it states a Unit or Data period other than the
// first row of ref stating one, or, for a cohort's row, a Polarity. Each
// difference is counted for one warning (see warn).
func (d *tidyDefs) agree(s *sheetReader, r int, ref string, split app.Split, cols map[Role]Column) bool {
	f := d.first[ref]
	if f == nil {
		f = new([len(tidyParts)]tidySaid)
		d.first[ref] = f
	}
	var differ []string
	at, skip := "", false
	for i, part := range tidyParts {
		c, ok := cols[part.role]
		if !ok {
			continue
		}
		text := strings.TrimSpace(s.at(r, &c))
		if text == "" {
			continue
		}
		had := &f[i]
		if text == had.text {
			continue
		}
		words := tidyWords(part.role, text)
		switch {
		case words == "":
			continue
		case had.cell == "":
			*had = tidySaid{text: text, words: words, cell: place(s.l.Sheet, r, c.index)}
			continue
		case words == had.words:
			continue
		}
		if at == "" {
			at = cellName(r, c.index)
		}
		differ = append(differ, fmt.Sprintf("its %s %q is not %q, as %s gives %s's", part.name, text, had.text, had.cell, ref))
		skip = skip || part.role != RolePolarity || split != app.All
	}
	if len(differ) == 0 {
		return true
	}
	key := ref + "\x00" + string(split) + "\x00" + strings.Join(differ, "\x00")
	if w := d.said[key]; w != nil {
		w.n++
		return !skip
	}
	what := strings.Join(differ, ", and ")
	var msg string
	switch {
	case skip && split != app.All:
		msg = fmt.Sprintf("%s: %s row skipped: %s; a figure of another measure taken from all children's would leave a figure of neither; give every row of %s the same definition, or these figures a Ref of their own", ref, split.Label(), what, ref)
	case skip:
		msg = fmt.Sprintf("%s: row skipped: %s; a figure of another measure would be read as one of %s's; give every row of %s the same definition, or these figures a Ref of their own", ref, what, ref, ref)
	default:
		msg = fmt.Sprintf("%s: %s; read as %s's figure, under the polarity its first row gives", ref, what, ref)
	}
	d.said[key] = &tidyDiffer{sheet: s.l.Sheet, cell: at, msg: msg, ref: ref, split: split, skip: skip, n: 1}
	d.order = append(d.order, key)
	return !skip
}

// warn says each difference once, at its first row, with how many more
// rows it speaks for.
func (d *tidyDefs) warn(s *sheetReader) {
	for _, k := range d.order {
		w := d.said[k]
		msg := w.msg
		if w.n > 1 {
			done := "read"
			if w.skip {
				done = "skipped"
			}
			rows := fmt.Sprintf("%d more rows", w.n-1)
			if w.n == 2 {
				rows = "1 more row"
			}
			msg += fmt.Sprintf("; %s of %s (%s) alike, %s", rows, w.ref, w.split.Label(), done)
		}
		s.out.warn(w.sheet, w.cell, "%s", msg)
	}
}
