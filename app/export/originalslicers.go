package export

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
	"scorecard/app/ooxml"
)

// A slicer (Excel 2010 on) filters pivot tables by the items of one
// field of their cache. Its cache, xl/slicerCaches/slicerCacheN.xml,
// names the field (sourceName); over a pivot cache of the workbook's
// own cells (tabular) it lists the field's items by their place among
// the pivot cache's (<i x="2" s="1"/>: the third, chosen), and marks
// nd="1" each that had no data when last refreshed: a slicer on the
// district, cross-filtered by one on the figure set to 2, marks every
// district without a 2, which tells the rest had one. Where the export
// took items from the pivot cache (emptyCache) the places stop meaning
// what they did, and what had data is the source's figures as last
// refreshed; so such a slicer cache lists its field's items as they now
// are, every one chosen (no filter), and none says it had no data:
// Excel works both out again as it refreshes the pivot cache on
// opening. An OLAP slicer's items come from a cube, not the cells, and
// carry their captions and names (<i n="[Value].[Value].&amp;[2]"
// c="2"/>): the items it cached go where one is a figure the export
// withholds or revises, to be fetched again, and so does a choice
// naming one. A table's slicer (Excel 2013 on) keeps no items.

// Relationship types of slicers, by the last part of their URI.
const (
	relSlicerCache = "/slicerCache"
	relSlicer      = "/slicer"
)

var (
	slicerCacheRoot = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?slicerCacheDefinition\b[^>]*>`)
	})
	// slicerPivotTable is a pivot table a slicer cache filters, by its
	// name and its sheet's sheetId (tabId).
	slicerPivotTable = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pivotTable\b[^>]*>`)
	})
	slicerTabular = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?tabular\b[^>]*?(?:/>|>.*?</(?:\w+:)?tabular>)`)
	})
	slicerOLAP = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?olap\b[^>]*?(?:/>|>.*?</(?:\w+:)?olap>)`)
	})
	slicerItemList = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<((?:\w+:)?)items\b[^>]*?(?:/>|>.*?</(?:\w+:)?items>)`)
	})
	slicerItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?i\b[^>]*?(?:/>|>.*?</(?:\w+:)?i>)`)
	})
	noData = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+nd="(?:1|true)"`)
	})
	olapRanges = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?ranges\b[^>]*?(?:/>|>.*?</(?:\w+:)?ranges>)`)
	})
	olapSelections = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?selections\b[^>]*?(?:/>|>.*?</(?:\w+:)?selections>)`)
	})
	olapSelection = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?selection\b[^>]*?(?:/>|>.*?</(?:\w+:)?selection>)`)
	})
	// memberKey is the key of an OLAP member in its unique name,
	// "[Value].[Value].&[2]", as written in XML.
	memberKey = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`&amp;\[([^\]]*)\]`)
	})
	// x14CacheID is the id by which slicers name a pivot cache, in the
	// cache definition's Excel 2010 extension.
	x14CacheID = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?pivotCacheDefinition\b[^>]*?\bpivotCacheId="(\d+)"`)
	})
	// slicerElement is a slicer of a sheet's slicers part, by its name,
	// caption and cache.
	slicerElement = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<(?:\w+:)?slicer\b[^>]*>`)
	})
	xmlAttribute = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s([\w:]+)="([^"]*)"`)
	})
	// sharedItem is an item of a pivot cache field, by its type and
	// attributes.
	sharedItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?([snbemd])\b([^>]*?)(?:/>|>.*?</(?:\w+:)?[snbemd]>)`)
	})
)

// attrOf is the value of the first attribute name in b (a tag, or an
// element whose children's attributes count too), unescaped, or "".
func attrOf(b []byte, name string) string {
	for _, m := range xmlAttribute().FindAllSubmatch(b, -1) {
		if string(m[1]) == name {
			return html.UnescapeString(string(m[2]))
		}
	}
	return ""
}

// slicers makes each slicer cache of the original agree with the pivot
// caches as pivotTables wrote them, was being each cache definition as
// the original had it, and tell nothing of the figures changed, warning
// of each slicer cache it changed, on the sheet of its slicer.
func (o *originalWriter) slicers(tables []pivotTable, was map[string][]byte, changed map[string]bool) error {
	book, err := o.workbookRels()
	if err != nil {
		return err
	}
	shown, err := o.slicersShown(book)
	if err != nil {
		return err
	}
	for _, r := range book {
		if !strings.HasSuffix(r.Type, relSlicerCache) {
			continue
		}
		def := o.part(r.Target)
		if def == nil {
			continue
		}
		root := slicerCacheRoot().Find(def)
		name, field := attrOf(root, "name"), attrOf(root, "sourceName")
		def, said := o.agreeTabular(def, field, o.slicerPivotCache(def, tables, was), was)
		def, olapSaid := agreeOLAP(def, changed)
		said = append(said, olapSaid...)
		if len(said) == 0 {
			continue
		}
		o.f.Pkg.Store(r.Target, def)
		where := app.Location{}
		slicers := "slicer cache " + name
		if s := shown[name]; len(s) > 0 {
			where.Sheet = s[0].sheet
			var names []string
			for _, sl := range s {
				names = append(names, fmt.Sprintf("%q", sl.name))
			}
			slicers = fmt.Sprintf("slicer %s (its cache %s, on the field %s)", strings.Join(names, ", "), name, field)
		}
		o.sum.Warnings = append(o.sum.Warnings, app.Warning{Location: where, Message: fmt.Sprintf("%s: %s, so that no withheld figure travels in the file; check it before circulating it",
			slicers, strings.Join(said, "; "))})
	}
	return nil
}

// shownSlicer is a slicer on a sheet, by its name.
type shownSlicer struct{ sheet, name string }

// slicersShown lists, by the name of their cache, the slicers each
// sheet shows, through the relationships that name their parts.
func (o *originalWriter) slicersShown(book []ooxml.Rel) (map[string][]shownSlicer, error) {
	shown := map[string][]shownSlicer{}
	if o.f.WorkBook == nil {
		return shown, nil
	}
	for _, s := range o.f.WorkBook.Sheets.Sheet {
		part := relTarget(book, s.ID)
		if part == "" {
			continue
		}
		rels, err := o.partRels(part)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s.Name, err)
		}
		for _, r := range rels {
			if !strings.HasSuffix(r.Type, relSlicer) {
				continue
			}
			for _, tag := range slicerElement().FindAll(o.part(r.Target), -1) {
				cache := attrOf(tag, "cache")
				name := attrOf(tag, "caption")
				if name == "" {
					name = attrOf(tag, "name")
				}
				shown[cache] = append(shown[cache], shownSlicer{s.Name, name})
			}
		}
	}
	return shown, nil
}

// slicerPivotCache is the pivot cache part a slicer cache def filters
// by: that of the pivot tables it names (by name and sheet), else the
// one whose Excel 2010 id it gives; "" where neither is found.
func (o *originalWriter) slicerPivotCache(def []byte, tables []pivotTable, was map[string][]byte) string {
	sheets := map[string]string{} // by sheetId
	if o.f.WorkBook != nil {
		for _, s := range o.f.WorkBook.Sheets.Sheet {
			sheets[strconv.Itoa(s.SheetID)] = s.Name
		}
	}
	for _, tag := range slicerPivotTable().FindAll(def, -1) {
		name, sheet := attrOf(tag, "name"), sheets[attrOf(tag, "tabId")]
		if i := slices.IndexFunc(tables, func(t pivotTable) bool { return t.name == name && t.sheet == sheet }); i >= 0 {
			return tables[i].cache
		}
	}
	data := slicerTabular().Find(def)
	if data == nil {
		data = slicerOLAP().Find(def)
	}
	id := attrOf(data, "pivotCacheId")
	for cache, d := range was {
		if m := x14CacheID().FindSubmatch(d); id != "" && m != nil && string(m[1]) == id {
			return cache
		}
	}
	return ""
}

// agreeTabular makes the items a tabular slicer cache def lists of field
// agree with the pivot cache as written, was holding it as the original
// had it: where the field's items changed (or the cache is not found)
// it lists them as they now are, each chosen, else it keeps them, and
// it says no item had no data. It returns def and what it changed.
func (o *originalWriter) agreeTabular(def []byte, field, cache string, was map[string][]byte) ([]byte, []string) {
	tabular := slicerTabular().Find(def)
	if tabular == nil {
		return def, nil
	}
	before, after := fieldItemValues(was[cache], field), fieldItemValues(o.part(cache), field)
	items := slicerItemList().Find(tabular)
	var said []string
	now := tabular
	if cache == "" || !slices.Equal(before, after) {
		prefix := ""
		if items != nil {
			prefix = string(slicerItemList().FindSubmatch(items)[1])
		}
		list := fmt.Sprintf(`<%sitems count="%d">`, prefix, max(len(after), 1))
		for i := range max(len(after), 1) {
			// A field left with no items is listed as excelize lists
			// one on a pivot cache not yet refreshed: one item, chosen.
			list += fmt.Sprintf(`<%si x="%d" s="1"/>`, prefix, i)
		}
		list += "</" + prefix + "items>"
		now = slicerItemList().ReplaceAllLiteral(tabular, []byte(list))
		said = append(said, fmt.Sprintf("it chose among the items of %s by their place in the pivot cache, which the export saves without the items that held figures it withholds or revises: it lists the items as they now are, each chosen, its choice gone (the pivot tables it filters show every item until one is chosen again)", field))
	} else if noData().Match(tabular) {
		now = noData().ReplaceAll(tabular, nil)
		said = append(said, "its items marked as having had no data when last refreshed (which, cross-filtered by another slicer, tell from the source's figures which items had the figure chosen there) are no longer so marked (Excel works it out again on opening)")
	}
	if len(said) == 0 {
		return def, nil
	}
	at := slicerTabular().FindIndex(def)
	return slices.Concat(def[:at[0]], now, def[at[1]:]), said
}

// agreeOLAP removes from an OLAP slicer cache def the items it cached
// from its cube where one is a figure changed, and its choices naming
// one, and says what it removed.
func agreeOLAP(def []byte, changed map[string]bool) ([]byte, []string) {
	at := slicerOLAP().FindIndex(def)
	if at == nil {
		return def, nil
	}
	olap := def[at[0]:at[1]]
	names := func(b []byte) bool {
		for _, m := range memberKey().FindAllSubmatch(b, -1) {
			if changed[figureKey(html.UnescapeString(string(m[1])))] {
				return true
			}
		}
		return changed[figureKey(attrOf(b, "c"))]
	}
	var said []string
	if slices.ContainsFunc(slicerItem().FindAll(olap, -1), names) {
		olap = olapRanges().ReplaceAll(olap, nil)
		said = append(said, "the items it had cached from its cube, figures the export withholds or revises among them, are removed, to be fetched again on opening")
	}
	chosen := false
	olap = olapSelection().ReplaceAllFunc(olap, func(s []byte) []byte {
		if !names(s) {
			return s
		}
		chosen = true
		return nil
	})
	if chosen {
		olap = olapSelections().ReplaceAllFunc(olap, func(s []byte) []byte {
			n := len(olapSelection().FindAll(s, -1))
			if n == 0 {
				return nil
			}
			end := bytes.IndexByte(s, '>')
			tag := itemCount().ReplaceAll(s[:end], nil)
			name := bytes.IndexAny(tag, " \t\r\n")
			if name < 0 {
				name = len(tag)
			}
			return slices.Concat(tag[:name], []byte(fmt.Sprintf(` count="%d"`, n)), tag[name:], s[end:])
		})
		said = append(said, "its choice of a figure the export withholds or revises is removed")
	}
	if len(said) == 0 {
		return def, nil
	}
	return slices.Concat(def[:at[0]], olap, def[at[1]:]), said
}

// fieldItemValues are the items of the field named name in a pivot
// cache definition, each by its type and value ("n2", "sAshford"), in
// order, as a slicer's places index them.
func fieldItemValues(def []byte, name string) []string {
	for _, field := range cacheFieldElement().FindAll(def, -1) {
		if fieldName(field) != name {
			continue
		}
		shared := sharedItemsTag().FindSubmatch(field)
		if shared == nil {
			return nil
		}
		var values []string
		for _, m := range sharedItem().FindAllSubmatch(shared[4], -1) {
			values = append(values, string(m[1])+attrOf(m[2], "v"))
		}
		return values
	}
	return nil
}
