package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// A pivot table keeps source figures in more than its cache and cells:
// the page field above it shows the item chosen (a page field on a
// field of numbers shows one of them, "2"), a filter of its own may
// compare with a number, and a field grouped into ranges keeps, in its
// cache, the ranges' bounds, which Excel sets to the field's least and
// greatest figures unless the officer set them, and a list of the
// ranges named by them ("<0", "0-2", ..., ">9"). Those that may carry a
// figure the export withholds go, as the cache's own do; Excel works
// them out again on opening (the cache is refreshed on load).

var (
	fieldGroupElement = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?fieldGroup\b[^>]*?(?:/>|>.*?</(?:\w+:)?fieldGroup>)`)
	})
	rangePrTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?rangePr\b[^>]*>`)
	})
	groupItemsElement = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?groupItems\b[^>]*?(?:/>|>.*?</(?:\w+:)?groupItems>)`)
	})
	// pivotFilter is a pivot table's own filter (of labels, values or
	// dates), which names the field it filters.
	pivotFilter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?filter\b[^>]*?\bfld="`)
	})
	pivotFilterField = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^<(?:\w+:)?filter\b[^>]*?\bfld="(\d+)"`)
	})
	// filterValue is a value a filter compares with.
	filterValue = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:val|stringValue1|stringValue2)="([^"]*)"`)
	})
	locationTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?location\b[^>]*>`)
	})
	pageRows = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\browPageCount="(\d+)"`)
	})
	pageColumns = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bcolPageCount="(\d+)"`)
	})
	pageFieldCount = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pageField\b`)
	})
	cacheFieldTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?cacheField\b[^>]*>`)
	})
)

// groupBound is a bound of a range grouping (rangePr): the attribute
// giving it, and the one saying whether Excel sets it itself.
type groupBound struct {
	value, auto *regexp.Regexp
	autoName    string
}

// groupBounds are rangePr's bounds, numbers and dates.
var groupBounds = sync.OnceValue(func() []groupBound {
	var out []groupBound
	for _, b := range [][2]string{{"startNum", "autoStart"}, {"endNum", "autoEnd"}, {"startDate", "autoStart"}, {"endDate", "autoEnd"}} {
		out = append(out, groupBound{regexp.MustCompile(`\s+` + b[0] + `="([^"]*)"`), regexp.MustCompile(`\b` + b[1] + `="([^"]*)"`), b[1]})
	}
	return out
})

// clearGroupBounds returns a cache field with its range grouping's bounds
// removed where they are the source's least or greatest figure (Excel's
// automatic bounds, the default) or a figure changed, the latter then
// made automatic, and with them the list of its ranges, which names them.
// cleared reports whether it removed any, and held whether one was a
// figure changed. The range's width (groupInterval) is the officer's
// choice, no figure of the source, and stays.
func clearGroupBounds(field []byte, changed map[string]bool) (out []byte, cleared, held bool) {
	out = fieldGroupElement().ReplaceAllFunc(field, func(group []byte) []byte {
		tag := rangePrTag().Find(group)
		if tag == nil {
			return group // grouped by items, which name no figure
		}
		now := tag
		for _, b := range groupBounds() {
			m := b.value.FindSubmatch(now)
			if m == nil {
				continue
			}
			auto := b.auto.FindSubmatch(now)
			isAuto := auto == nil || string(auto[1]) == "1" || string(auto[1]) == "true"
			isChanged := changed[figureKey(html.UnescapeString(string(m[1])))]
			if !isAuto && !isChanged {
				continue
			}
			held = held || isChanged
			now = b.value.ReplaceAll(now, nil)
			if !isAuto {
				now = b.auto.ReplaceAll(now, []byte(b.autoName+`="1"`))
			}
			cleared = true
		}
		if bytes.Equal(now, tag) {
			return group
		}
		group = bytes.Replace(group, tag, now, 1)
		return groupItemsElement().ReplaceAll(group, nil)
	})
	return out, cleared, held
}

// dropFilters removes from pivot table part the filters of its own that
// compare with a figure changed ("Value equals 2"), reporting the names
// of the fields they filtered, by fields (the cache's field names in
// order). The table shows every item of them until the officer sets the
// filter again. A filter's own list of values (its autoFilter) holds
// filter and filters elements too, so the part is read as XML, not
// matched.
func (o *originalWriter) dropFilters(part string, fields []string, changed map[string]bool) ([]string, error) {
	def := o.part(part)
	if def == nil || !bytes.Contains(def, []byte("filters")) {
		return nil, nil
	}
	type span struct{ from, to int64 }
	var (
		all     span   // the table's filters element
		each    []span // its filters
		dropped []string
		depth   int
		from    int64
	)
	d := xml.NewDecoder(bytes.NewReader(def))
	for {
		at := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: not readable XML: %w", part, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && e.Name.Local == "filters":
				all.from = at
			case depth == 3 && e.Name.Local == "filter" && all.from > 0:
				from = at
			}
		case xml.EndElement:
			switch {
			case depth == 2 && e.Name.Local == "filters" && all.from > 0:
				all.to = d.InputOffset()
			case depth == 3 && e.Name.Local == "filter" && all.from > 0 && all.to == 0:
				f := def[from:d.InputOffset()]
				for _, v := range filterValue().FindAllSubmatch(f, -1) {
					if changed[figureKey(html.UnescapeString(string(v[1])))] {
						name := "a field"
						if m := pivotFilterField().FindSubmatch(f); m != nil {
							if i, err := strconv.Atoi(string(m[1])); err == nil && i < len(fields) {
								name = fields[i]
							}
						}
						dropped = append(dropped, name)
						each = append(each, span{from, d.InputOffset()})
						break
					}
				}
			}
			depth--
		}
	}
	if len(each) == 0 {
		return nil, nil
	}
	kept := len(pivotFilter().FindAll(def[all.from:all.to], -1)) - len(each)
	var out []byte
	if kept <= 0 {
		out = slices.Concat(def[:all.from], def[all.to:])
	} else {
		out = slices.Clone(def[:all.from])
		prev := all.from
		for _, s := range each {
			out = append(out, def[prev:s.from]...)
			prev = s.to
		}
		out = append(out, def[prev:]...)
		tag := out[all.from : all.from+int64(bytes.IndexByte(out[all.from:], '>'))+1]
		fixed := itemCount().ReplaceAllLiteral(slices.Clone(tag), []byte(fmt.Sprintf(` count="%d"`, kept)))
		out = slices.Concat(out[:all.from], fixed, out[all.from+int64(len(tag)):])
	}
	o.f.Pkg.Store(part, out)
	return dropped, nil
}

// cacheFieldNames are the names of a cache definition's fields, in order.
func cacheFieldNames(def []byte) []string {
	var names []string
	for _, tag := range cacheFieldTag().FindAll(def, -1) {
		names = append(names, fieldName(tag))
	}
	return names
}

// blankPageCells blanks the choices pivot table t's page fields show
// above it: where a page field is on a field of numbers, the number
// chosen ("2", as text or as a number), which Excel writes again on
// opening. It returns the cells blanked and whether one showed a figure
// changed. A page field's name, and "(All)" or "(Multiple Items)", stay.
func (o *originalWriter) blankPageCells(t pivotTable, changed map[string]bool) (blanked []string, held bool, err error) {
	rows, cols := pageLayout(o.part(t.part))
	if rows == 0 {
		return nil, false, nil
	}
	first, _, _ := strings.Cut(t.ref, ":")
	c1, top, err := excelize.CellNameToCoordinates(first)
	if err != nil {
		return nil, false, err
	}
	// Excel lays the page fields out in the rows above the table but
	// one, a name and its choice beside it, in groups of columns a
	// blank column apart.
	for r := max(1, top-1-rows); r <= top-2; r++ {
		for g := range cols {
			at := cell(c1+3*g+1, r)
			if o.written[t.sheet+"!"+at] {
				continue
			}
			v := o.rawValue(t.sheet, at)
			if typ, _ := o.f.GetCellType(t.sheet, at); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				v, _ = o.f.GetCellValue(t.sheet, at)
			}
			k := figureKey(v)
			if k == "" {
				continue
			}
			held = held || changed[k]
			if err := o.f.SetCellValue(t.sheet, at, nil); err != nil {
				return nil, false, fmt.Errorf("%s!%s: %w", t.sheet, at, err)
			}
			blanked = append(blanked, at)
		}
	}
	return blanked, held, nil
}
