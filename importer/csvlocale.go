package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

var (
	// euroGrouped is a figure with "." between thousands, and perhaps a
	// decimal comma: "1.480", "12.345,6". A first group of 0 is no
	// thousands ("0.125" is a decimal).
	euroGrouped = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?$`)
	})
	// euroDecimal is a figure with a decimal comma: "21,3".
	euroDecimal = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[0-9]+,[0-9]+$`)
	})
	// pointDecimal is a figure with a decimal point, as English files
	// write them: "21.3", "1,480.5", "0.125".
	pointDecimal = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)\.[0-9]+$`)
	})
)

// euroFigure rewrites a figure as a semicolon CSV writes it, with "," as
// the decimal mark and "." between thousands, as the importer reads
// figures ("1.480" as 1480, "21,3%" as 21.3%); changed is false for text
// left as it is. mixed is a figure with a decimal point, which such a
// file does not write: the file mixes forms.
func euroFigure(text string) (out string, changed, mixed bool) {
	t := strings.TrimSpace(text)
	lead, tail := "", ""
	if t != "" && (t[0] == '-' || t[0] == '+') {
		lead, t = t[:1], t[1:]
	}
	if strings.HasSuffix(t, "%") {
		tail, t = "%", strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	switch {
	case euroGrouped().MatchString(t):
		t = strings.ReplaceAll(t, ".", "")
		t = strings.ReplaceAll(t, ",", ".")
	case euroDecimal().MatchString(t):
		t = strings.ReplaceAll(t, ",", ".")
	case pointDecimal().MatchString(t):
		return text, false, true
	default:
		return text, false, false
	}
	return lead + t + tail, true, false
}

// figureRoles are the columns that hold figures whatever the layout; a
// period or area column does too, but in a tidy table it names the
// row's period or area.
var figureRoles = map[Role]bool{
	RoleValue: true, RoleNumerator: true, RoleDenominator: true, RoleTarget: true, RoleFloor: true,
	RoleTolerance: true, RolePrevious: true, RoleEngland: true, RoleNeighbours: true, RoleRegion: true,
	RoleMilestone: true, RoleMilestoneFloor: true,
}

// readEuroFigures rewrites the figure cells of a semicolon-separated
// CSV, which Excel writes so where the decimal mark is a comma (a
// European locale), to the importer's form: "1.480" is 1480 children,
// not 1.48, and "21,3" is 21.3, not a cell to skip. What was done is
// said once at the header row; a figure with a decimal point among them
// refuses the file at its cell, as the file then mixes the two forms and
// "1.480" could be either.
func readEuroFigures(g *grid, l *Layout, base string) (note string, err error) {
	var cols []euroColumn
	for _, c := range l.Columns {
		if !figureRoles[c.Role] && (l.Kind == TidySheet || (c.Role != RolePeriod && c.Role != RoleArea)) {
			continue
		}
		cols = append(cols, euroColumn{index: c.index, name: c.Col + " (" + c.Header + ")"})
	}
	line := func(r int) string { return place("", r, 0) }
	return readEuroColumns(g.rows, cols, max(l.FirstRow-1, 0), base, line)
}

// euroColumn is a column of figures of a semicolon-separated CSV: its
// index and its name for a refusal, "E (May-24)".
type euroColumn struct {
	index int
	name  string
}

// readEuroColumns rewrites the cells of cols in rows from first on as
// readEuroFigures says, for the tidy reader and the DfE reader alike, so
// that the two read a semicolon file's figures one way. line names row
// r's line as the reader's other warnings do.
func readEuroColumns(rows [][]string, cols []euroColumn, first int, base string, line func(r int) string) (note string, err error) {
	var firstEx, firstGrouped string
	for _, c := range cols {
		for r := first; r < len(rows); r++ {
			if c.index >= len(rows[r]) {
				continue
			}
			text := rows[r][c.index]
			out, changed, mixed := euroFigure(text)
			if mixed {
				return "", &app.SourceError{Location: app.Location{File: base, Cell: line(r)},
					Err: fmt.Errorf("refused: the file's fields are parted by \";\", as Excel writes a CSV where \",\" is the decimal mark, but %q in column %s has a decimal point: the file mixes the two forms, so a figure such as \"1.480\" could be 1480 or 1.48. Save it with one form throughout: \",\" between fields and \".\" for decimals (Excel's \"CSV UTF-8\" in an English locale), or \";\" with decimal commas", strings.TrimSpace(text), c.name)}
			}
			if !changed {
				continue
			}
			rows[r][c.index] = out
			ex := fmt.Sprintf("%q at %s read as %s", strings.TrimSpace(text), line(r), out)
			if firstEx == "" {
				firstEx = ex
			}
			if firstGrouped == "" && strings.Contains(text, ".") {
				firstGrouped = ex
			}
		}
	}
	if firstEx == "" {
		return "", nil
	}
	if firstGrouped != "" && firstGrouped != firstEx {
		firstEx += ", " + firstGrouped
	}
	return fmt.Sprintf("the file's fields are parted by \";\", as Excel writes a CSV in a European locale: its figures are read with \",\" as the decimal mark and \".\" between thousands (%s)", firstEx), nil
}
