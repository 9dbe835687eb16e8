package export

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/ooxml"
)

// A pivot table keeps, in its cache (xl/pivotCache/), every figure of its
// source as last refreshed: each row in pivotCacheRecordsN.xml, the
// distinct numbers of a field and their least and greatest in the cache
// definition's sharedItems. Its cells on the sheet hold what it last laid
// out: a pivot listing each district's value lists the ones the export
// withholds. Excel supports a pivot table saved without its data ("Save
// source data with file" off: saveData="0", no records part) and worked
// out again from the cells when the file is opened (refreshOnLoad="1"),
// so every cache of the original is written that way, and the numbers a
// pivot table last laid out are blanked, its labels kept.

// Relationship types, by the last part of their URI, as the importer
// names them (importer/xlsx/structure.go).
const (
	relPivotTable        = "/pivotTable"
	relPivotCache        = "/pivotCacheDefinition"
	relPivotCacheRecords = "/pivotCacheRecords"
)

var (
	cacheFieldElement = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?cacheField\b[^>]*?(?:/>|>.*?</(?:\w+:)?cacheField>)`)
	})
	sharedItemsTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<((?:\w+:)?)sharedItems\b([^>]*?)(/>|>(.*?)</(?:\w+:)?sharedItems>)`)
	})
	// numberItem is a number among a field's items, and itemValue its v.
	numberItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?n\b[^>]*?(?:/>|>.*?</(?:\w+:)?n>)`)
	})
	itemValue = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bv="([^"]*)"`)
	})
	itemCount = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+count="[^"]*"`)
	})
	// extremes are the attributes giving a field's least and greatest.
	extremes = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+(?:minValue|maxValue|minDate|maxDate)="([^"]*)"`)
	})
	// savedData are the attributes of a cache definition this rewrites:
	// the link to its records and whether it saves and refreshes them.
	savedData = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+(?:\w+:id|saveData|refreshOnLoad|recordCount)="[^"]*"`)
	})
	cacheDefinitionTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pivotCacheDefinition\b[^>]*>`)
	})
	pivotFieldElement = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?pivotField\b[^>]*?(?:/>|>.*?</(?:\w+:)?pivotField>)`)
	})
	fieldItems = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?items\b[^>]*?(?:/>|>.*?</(?:\w+:)?items>)`)
	})
	// laidOut are the rows and columns a pivot table last laid out, by
	// the positions of its fields' items.
	laidOut = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?(?:rowItems|colItems)\b[^>]*?(?:/>|>.*?</(?:\w+:)?(?:rowItems|colItems)>)`)
	})
	pageField = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pageField\b[^>]*>`)
	})
	pageFieldIndex = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bfld="(\d+)"`)
	})
	pageFieldItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+item="[^"]*"`)
	})
	// cacheItem is an item of a field's shared items, of any type.
	cacheItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?[snbemd][\s/>]`)
	})
	cacheFieldName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^<(?:\w+:)?cacheField\b[^>]*?\bname="([^"]*)"`)
	})
	pivotLocation = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?location\b[^>]*?\bref="([^"]*)"`)
	})
	pivotName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pivotTableDefinition\b[^>]*?\bname="([^"]*)"`)
	})
)

// pivotTable is a pivot table of the original: its part, the sheet it is
// on, its name, the cells it lays out and the cache it is made from.
type pivotTable struct {
	part, sheet, name, ref, cache string
}

// pivotTables writes every pivot cache of the original without its data,
// to be worked out again when the file is opened, and blanks the numbers
// each pivot table laid out, warning once for each pivot table.
func (o *originalWriter) pivotTables() error {
	tables, caches, err := o.findPivotTables()
	if err != nil || len(caches) == 0 {
		return err
	}
	changed, err := o.changedFigures()
	if err != nil {
		return err
	}
	byCache := map[string][]pivotTable{}
	for _, t := range tables {
		byCache[t.cache] = append(byCache[t.cache], t)
	}
	// By pivot table part: whether its cache held a figure the export
	// changed, the fields whose items it listed were taken from it, and
	// the fields whose grouping's bounds were.
	heldChanged := map[string]bool{}
	itemsTaken := map[string][]string{}
	boundsTaken := map[string][]string{}
	was := make(map[string][]byte, len(caches)) // each cache definition as the original had it
	for _, cache := range caches {
		was[cache] = o.part(cache)
	}
	for _, cache := range caches {
		held, taken, regrouped, err := o.emptyCache(cache, byCache[cache], changed)
		if err != nil {
			return fmt.Errorf("pivot cache %s: %w", strings.TrimPrefix(cache, "xl/"), err)
		}
		if len(byCache[cache]) == 0 && held {
			// Left behind by a pivot table since deleted, it is no
			// table's to warn of.
			o.sum.Warnings = append(o.sum.Warnings, app.Warning{Message: fmt.Sprintf("pivot cache %s, which no pivot table uses, held figures the export withholds or revises: saved without its data, so that no withheld figure travels in the file",
				strings.TrimPrefix(cache, "xl/"))})
		}
		for _, t := range byCache[cache] {
			heldChanged[t.part] = held
			itemsTaken[t.part] = o.dropListedItems(t.part, taken)
			o.dropListedItems(t.part, regrouped)
			for _, name := range regrouped {
				boundsTaken[t.part] = append(boundsTaken[t.part], name)
			}
			slices.Sort(boundsTaken[t.part])
		}
	}
	for _, t := range tables {
		blanked, err := o.blankPivotCells(t, changed)
		if err != nil {
			return fmt.Errorf("pivot table %s: %w", t.name, err)
		}
		pageCells, pageHeld, err := o.blankPageCells(t, changed)
		if err != nil {
			return fmt.Errorf("pivot table %s: %w", t.name, err)
		}
		filtered, err := o.dropFilters(t.part, cacheFieldNames(o.part(t.cache)), changed)
		if err != nil {
			return fmt.Errorf("pivot table %s: %w", t.name, err)
		}
		held := ""
		if heldChanged[t.part] || blanked || pageHeld || len(filtered) > 0 {
			held = ", figures the export withholds or revises among them"
		}
		msg := fmt.Sprintf("pivot table %s (%s): its cache held the source's figures as last refreshed and its cells the figures as last laid out%s: "+
			"the cache is saved without them and the numbers in %s blanked (labels, and figures the export writes there, kept), so that no withheld figure travels in the file; "+
			"Excel and LibreOffice work the pivot table out again from the cells as written on opening",
			t.name, t.ref, held, t.ref)
		if fields := itemsTaken[t.part]; len(fields) > 0 {
			msg += fmt.Sprintf("; the items it listed of %s held figures the export withholds or revises and are removed, which Excel may report as a repair of the pivot table",
				strings.Join(fields, ", "))
		}
		if len(pageCells) > 0 {
			msg += fmt.Sprintf("; the choice its page field showed in %s was a figure of the source and is blanked", strings.Join(pageCells, ", "))
		}
		if len(filtered) > 0 {
			msg += fmt.Sprintf("; its filter on %s compared with a figure the export withholds or revises and is removed: the table shows every item of it until the filter is set again",
				strings.Join(filtered, ", "))
		}
		if fields := boundsTaken[t.part]; len(fields) > 0 {
			msg += fmt.Sprintf("; the grouping of %s into ranges kept its bounds, the least and greatest figures of the source as last refreshed, and the ranges they named: they are removed, to be worked out again from the cells on opening",
				strings.Join(fields, ", "))
		}
		o.sum.Warnings = append(o.sum.Warnings, app.Warning{Location: app.Location{Sheet: t.sheet}, Message: msg + "; check it before circulating it"})
	}
	if err := o.slicers(tables, was, changed); err != nil {
		return err
	}
	return o.pivotFormulas(tables)
}

// findPivotTables lists the original's pivot tables, in sheet order, and
// its pivot caches, a cache no pivot table uses among them, through the
// relationships that name them, as Excel finds them.
func (o *originalWriter) findPivotTables() (tables []pivotTable, caches []string, err error) {
	book, err := o.workbookRels()
	if err != nil {
		return nil, nil, err
	}
	for _, r := range book {
		if strings.HasSuffix(r.Type, relPivotCache) {
			caches = append(caches, r.Target)
		}
	}
	if o.f.WorkBook == nil {
		return nil, caches, nil
	}
	for _, s := range o.f.WorkBook.Sheets.Sheet {
		sheetPart := relTarget(book, s.ID)
		if sheetPart == "" {
			continue
		}
		rels, err := o.partRels(sheetPart)
		if err != nil {
			return nil, nil, fmt.Errorf("sheet %q: %w", s.Name, err)
		}
		for _, r := range rels {
			if !strings.HasSuffix(r.Type, relPivotTable) {
				continue
			}
			def := o.part(r.Target)
			if def == nil {
				continue
			}
			t := pivotTable{part: r.Target, sheet: s.Name, name: strings.TrimSuffix(path.Base(r.Target), ".xml")}
			if m := pivotName().FindSubmatch(def); m != nil {
				t.name = html.UnescapeString(string(m[1]))
			}
			if m := pivotLocation().FindSubmatch(def); m != nil {
				t.ref = string(m[1])
			}
			uses, err := o.partRels(r.Target)
			if err != nil {
				return nil, nil, fmt.Errorf("pivot table %s: %w", t.name, err)
			}
			for _, c := range uses {
				if strings.HasSuffix(c.Type, relPivotCache) {
					t.cache = c.Target
					caches = append(caches, c.Target)
				}
			}
			tables = append(tables, t)
		}
	}
	slices.Sort(caches)
	return tables, slices.Compact(caches), nil
}

// emptyCache writes the cache definition part cache without its data: its
// records part and the relationship to it removed, saveData="0" and
// refreshOnLoad="1", and no field's least or greatest number. A field's
// number items go too, but where a pivot table of tables lists them by
// position they stay unless a figure the export changed is among them;
// then they go, and taken names the fields, by position, for the tables'
// lists of them to go too (dropListedItems). A field grouped into ranges
// loses its bounds where they are the source's (clearGroupBounds), and
// with them its ranges: regrouped names those fields, whose items the
// tables list by range. held reports whether the cache held a figure the
// export changed.
func (o *originalWriter) emptyCache(cache string, tables []pivotTable, changed map[string]bool) (held bool, taken, regrouped map[int]string, err error) {
	def := o.part(cache)
	if def == nil {
		return false, nil, nil, nil
	}
	rels, err := o.partRels(cache)
	if err != nil {
		return false, nil, nil, err
	}
	for _, r := range rels {
		if !strings.HasSuffix(r.Type, relPivotCacheRecords) {
			continue
		}
		held = held || recordsHold(o.part(r.Target), changed)
		o.f.Pkg.Delete(r.Target)
		o.dropContentType(r.Target)
	}
	if len(rels) > 0 {
		relsPart := ooxml.RelsPart(cache)
		o.f.Pkg.Delete(relsPart)
		o.f.Relationships.Delete(relsPart)
		o.dropContentType(relsPart)
	}
	listed := map[int]bool{} // the fields some pivot table lists items of
	for _, t := range tables {
		for i, f := range pivotFieldElement().FindAll(o.part(t.part), -1) {
			if fieldItems().Match(f) {
				listed[i] = true
			}
		}
	}
	taken, regrouped = map[int]string{}, map[int]string{}
	i := -1
	def = cacheFieldElement().ReplaceAllFunc(def, func(field []byte) []byte {
		i++
		field, cleared, bounded := clearGroupBounds(field, changed)
		held = held || bounded
		if cleared {
			regrouped[i] = fieldName(field)
		}
		return sharedItemsTag().ReplaceAllFunc(field, func(m []byte) []byte {
			sub := sharedItemsTag().FindSubmatch(m)
			ns, attrs, rest, items := string(sub[1]), sub[2], sub[3], sub[4]
			for _, v := range extremes().FindAllSubmatch(attrs, -1) {
				held = held || changed[figureKey(html.UnescapeString(string(v[1])))]
			}
			attrs = extremes().ReplaceAll(attrs, nil)
			numbers := numberItem().FindAll(items, -1)
			among := slices.ContainsFunc(numbers, func(n []byte) bool { return holdsChanged(n, changed) })
			held = held || among
			if len(numbers) == 0 || listed[i] && !among {
				return slices.Concat([]byte("<"+ns+"sharedItems"), attrs, rest)
			}
			if listed[i] {
				taken[i] = fieldName(field)
			}
			items = numberItem().ReplaceAll(items, nil)
			attrs = itemCount().ReplaceAll(attrs, nil)
			n := len(cacheItem().FindAll(items, -1))
			if n == 0 {
				return slices.Concat([]byte("<"+ns+"sharedItems"), attrs, []byte("/>"))
			}
			return slices.Concat([]byte("<"+ns+"sharedItems"), attrs, []byte(fmt.Sprintf(` count="%d">`, n)), items, []byte("</"+ns+"sharedItems>"))
		})
	})
	// The root element's own tag alone: an extension (Excel's
	// x14:pivotCacheDefinition) has the same name.
	if at := cacheDefinitionTag().FindIndex(def); at != nil {
		tag := savedData().ReplaceAll(def[at[0]:at[1]], nil)
		name := bytes.IndexAny(tag, " \t\r\n/>")
		def = slices.Concat(def[:at[0]], tag[:name], []byte(` saveData="0" refreshOnLoad="1"`), tag[name:], def[at[1]:])
	}
	o.f.Pkg.Store(cache, def)
	return held, taken, regrouped, nil
}

// dropListedItems removes from the pivot table part its lists of the
// items of fields (by position) whose items left its cache, and with
// them what it laid out by them: its rows and columns, and the item a
// page field shows. Excel lays them out again when it works the table
// out on opening. It returns the names of the fields it listed.
func (o *originalWriter) dropListedItems(part string, fields map[int]string) []string {
	def := o.part(part)
	if def == nil || len(fields) == 0 {
		return nil
	}
	var dropped []string
	i := -1
	def = pivotFieldElement().ReplaceAllFunc(def, func(f []byte) []byte {
		i++
		name, ok := fields[i]
		if !ok || !fieldItems().Match(f) {
			return f
		}
		dropped = append(dropped, name)
		return fieldItems().ReplaceAll(f, nil)
	})
	if len(dropped) == 0 {
		return nil
	}
	def = laidOut().ReplaceAll(def, nil)
	def = pageField().ReplaceAllFunc(def, func(f []byte) []byte {
		m := pageFieldIndex().FindSubmatch(f)
		if m == nil {
			return f
		}
		n, err := strconv.Atoi(string(m[1]))
		if name, ok := fields[n]; err != nil || !ok || !slices.Contains(dropped, name) {
			return f
		}
		return pageFieldItem().ReplaceAll(f, nil)
	})
	o.f.Pkg.Store(part, def)
	return dropped
}

// blankPivotCells blanks the numbers in the cells pivot table t laid out,
// keeping its labels, the cells' styles and the figures the export wrote
// there, and reports whether one of them was a figure the export
// changed.
func (o *originalWriter) blankPivotCells(t pivotTable, changed map[string]bool) (bool, error) {
	first, last, ok := strings.Cut(t.ref, ":")
	if !ok {
		last = first
	}
	c1, r1, err := excelize.CellNameToCoordinates(first)
	if err != nil {
		return false, err
	}
	c2, r2, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return false, err
	}
	held := false
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			at := cell(c, r)
			if o.written[t.sheet+"!"+at] {
				// A figure the export wrote, where the import read one
				// (a scorecard laid out by a pivot table): the export's
				// own, not what the pivot table last laid out.
				continue
			}
			v := o.rawValue(t.sheet, at)
			if figureKey(v) == "" {
				continue
			}
			switch typ, _ := o.f.GetCellType(t.sheet, at); typ {
			case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeBool, excelize.CellTypeError:
				continue // a label, "2025" typed as text among them
			}
			held = held || changed[figureKey(v)]
			if err := o.f.SetCellValue(t.sheet, at, nil); err != nil {
				return false, fmt.Errorf("%s!%s: %w", t.sheet, at, err)
			}
		}
	}
	return held, nil
}

// changedFigures are the numbers of the original's cells that the export
// changed (withheld, revised or blanked), by figureKey: a pivot cache
// holding one of them holds a figure the export does not give.
func (o *originalWriter) changedFigures() (map[string]bool, error) {
	orig, err := excelize.OpenFile(o.opt.Original)
	if err != nil {
		return nil, fmt.Errorf("cannot open it again: %w", pathless(err))
	}
	defer orig.Close()
	raw := excelize.Options{RawCellValue: true}
	out := map[string]bool{}
	for _, s := range orig.GetSheetList() {
		was, err := orig.GetRows(s, raw)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s, err)
		}
		now, err := o.f.GetRows(s, raw)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s, err)
		}
		for r, row := range was {
			for c, v := range row {
				k := figureKey(v)
				if k == "" {
					continue
				}
				if r >= len(now) || c >= len(now[r]) || figureKey(now[r][c]) != k {
					out[k] = true
				}
			}
		}
	}
	return out, nil
}

// figureKey is a number as text, written one way ("2", "2.0" and "2E0"
// alike), or "" for text that is no number.
func figureKey(s string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// holdsChanged reports whether a number item or record value is one of
// the figures changed.
func holdsChanged(item []byte, changed map[string]bool) bool {
	v := itemValue().FindSubmatch(item)
	return v != nil && changed[figureKey(html.UnescapeString(string(v[1])))]
}

// recordsHold reports whether a records part holds one of the figures
// changed among its numbers (not its indexes into the shared items,
// which are x elements).
func recordsHold(records []byte, changed map[string]bool) bool {
	return slices.ContainsFunc(numberItem().FindAll(records, -1), func(n []byte) bool { return holdsChanged(n, changed) })
}

// fieldName is the name of a cache field element.
func fieldName(field []byte) string {
	if m := cacheFieldName().FindSubmatch(field); m != nil {
		return html.UnescapeString(string(m[1]))
	}
	return "a field"
}
