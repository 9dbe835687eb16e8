package export

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// An officer's chart keeps, in its part (xl/charts/chartN.xml), the
// values of the cells it plots as last calculated: c:numCache and
// c:strCache under each c:numRef and c:strRef. Excel redraws from the
// cells on opening, but the cache travels in the file, and anything that
// reads it (an unzip, a converter, a preview) reads the figures the
// export withheld (QA31 finding 9). So every chart's caches are written
// again from the cells as the export left them.

// chartRefs find, by kind ("num", "str", "multiLvlStr"), a chart's
// references to cells with their caches: the namespace prefix its
// elements are written with ("c:" from Excel, none from excelize), the
// reference and the cache's content.
var chartRefs = sync.OnceValue(func() map[string]*regexp.Regexp {
	res := map[string]*regexp.Regexp{}
	for _, kind := range []string{"num", "str", "multiLvlStr"} {
		res[kind] = regexp.MustCompile(`(?s)<(\w+:)?` + kind + `Ref><(?:\w+:)?f>([^<]*)</(?:\w+:)?f><(?:\w+:)?` + kind + `Cache>(.*?)</(?:\w+:)?` + kind + `Cache>`)
	}
	return res
})

var (
	cachedPoint = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?pt idx="(\d+)"[^>]*>\s*<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>`)
	})
	cachedFormat = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<(?:\w+:)?formatCode>[^<]*</(?:\w+:)?formatCode>|<(?:\w+:)?formatCode/>`)
	})
)

// chartCaches writes every chart's cached values again from the cells
// they reference as written, warning once for each chart whose cache
// held anything else: a figure withheld or revised.
func (o *originalWriter) chartCaches() error {
	var parts []string
	o.f.Pkg.Range(func(k, _ any) bool {
		if name := k.(string); strings.HasPrefix(name, "xl/charts/chart") && strings.HasSuffix(name, ".xml") {
			parts = append(parts, name)
		}
		return true
	})
	slices.Sort(parts)
	for _, part := range parts {
		v, _ := o.f.Pkg.Load(part)
		content, ok := v.([]byte)
		if !ok {
			continue
		}
		var changed []string
		var err error
		for _, kind := range []string{"num", "str", "multiLvlStr"} {
			content = chartRefs()[kind].ReplaceAllFunc(content, func(m []byte) []byte {
				sub := chartRefs()[kind].FindSubmatch(m)
				ns, ref, cache := string(sub[1]), html.UnescapeString(string(sub[2])), string(sub[3])
				now, e := o.cacheFromCells(kind, ns, ref, cache)
				if e != nil {
					err = e
					return m
				}
				if now == cache {
					return m
				}
				changed = append(changed, ref)
				at := len(m) - len("</"+ns+kind+"Cache>") - len(cache)
				return slices.Concat(m[:at], []byte(now), m[at+len(cache):])
			})
		}
		if err != nil {
			return fmt.Errorf("chart %s: %w", part, err)
		}
		if len(changed) == 0 {
			continue
		}
		o.f.Pkg.Store(part, content)
		at := formulaCells("", changed[0])[0]
		o.sum.Warnings = append(o.sum.Warnings, app.Warning{Location: app.Location{Sheet: at.sheet},
			Message: fmt.Sprintf("chart %s: the values it had saved for %s were not the cells as written (figures withheld or revised): rewritten from the cells, so that no withheld figure travels in the file; check the chart before circulating it",
				strings.TrimPrefix(part, "xl/"), strings.Join(changed, ", "))})
	}
	return nil
}

// cacheFromCells is a cache of kind for the cells ref names, as written:
// numbers for a num cache (a cell withheld, c, is a gap), text for the
// others. A reference to no cell of the workbook (a literal series name,
// another workbook's cells) leaves the cache as it is: it holds none of
// the export's figures.
// ns is the prefix the chart's elements are written with.
func (o *originalWriter) cacheFromCells(kind, ns, ref, cache string) (string, error) {
	cells := formulaCells("", ref)
	if len(cells) == 0 || !sheetExists(o.f, cells[0].sheet) {
		return cache, nil
	}
	var b strings.Builder
	if kind == "num" {
		b.WriteString(cachedFormat().FindString(cache))
	}
	fmt.Fprintf(&b, `<%sptCount val="%d"/>`, ns, len(cells))
	if kind == "multiLvlStr" {
		b.WriteString("<" + ns + "lvl>")
	}
	for i, at := range cells {
		var v string
		var err error
		if kind == "num" {
			v, err = o.f.GetCellValue(at.sheet, at.ref, excelize.Options{RawCellValue: true})
			if _, e := strconv.ParseFloat(v, 64); e != nil {
				v = ""
			}
		} else {
			v, err = o.f.GetCellValue(at.sheet, at.ref)
		}
		if err != nil {
			return "", fmt.Errorf("%s!%s: %w", at.sheet, at.ref, err)
		}
		if v != "" {
			fmt.Fprintf(&b, `<%[1]spt idx="%[2]d"><%[1]sv>%[3]s</%[1]sv></%[1]spt>`, ns, i, html.EscapeString(v))
		}
	}
	if kind == "multiLvlStr" {
		b.WriteString("</" + ns + "lvl>")
	}
	now := b.String()
	if samePoints(kind, now, cache) {
		return cache, nil
	}
	return now, nil
}

// samePoints reports whether two caches hold the same points: a
// multi-level cache (LibreOffice writes a row's headings a level each)
// by its values alone.
func samePoints(kind, a, b string) bool {
	points := func(s string) []string {
		var out []string
		for _, m := range cachedPoint().FindAllStringSubmatch(s, -1) {
			v := html.UnescapeString(m[2])
			if kind == "num" {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					v = strconv.FormatFloat(f, 'g', -1, 64)
				}
			}
			if kind == "multiLvlStr" {
				out = append(out, v)
			} else {
				out = append(out, m[1]+"="+v)
			}
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(points(a), points(b))
}
