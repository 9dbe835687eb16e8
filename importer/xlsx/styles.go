package xlsx

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SharedStrings reads a shared string table (xl/sharedStrings.xml),
// whatever its namespace prefix: each <si>'s text, the runs of rich text
// joined, phonetic guides (<rPh>) left out.
func SharedStrings(data []byte) ([]string, error) {
	var out []string
	for pos := 0; pos < len(data); {
		i := bytes.IndexByte(data[pos:], '<')
		if i < 0 {
			break
		}
		pos += i + 1
		// The element's name, read in place: a string per tag would be
		// an allocation per tag of a large table.
		n := pos
		for n < len(data) && data[n] > ' ' && data[n] != '>' && data[n] != '/' {
			n++
		}
		full := data[pos:n]
		local := full
		if c := bytes.IndexByte(full, ':'); c >= 0 {
			local = full[c+1:]
		}
		if string(local) != "si" {
			continue
		}
		gt := bytes.IndexByte(data[n:], '>')
		if gt < 0 {
			break
		}
		pos = n + gt + 1
		if data[pos-2] == '/' {
			out = append(out, "")
			continue
		}
		end := closingTag(data[pos:], full)
		if end < 0 {
			return nil, ErrNotWorkbook
		}
		out = append(out, textRuns(data[pos:pos+end]))
		pos += end + len(full) + 3
	}
	return out, nil
}

// Style is what a cell format (an <xf> of cellXfs) says about a cell's
// look.
type Style struct {
	// NumFmt is the number format's id: below 164 one of Excel's
	// built-in formats, whose codes the file leaves out.
	NumFmt int
	// FormatCode is the code of a custom number format, such as "0.0%";
	// empty for a built-in one.
	FormatCode string
	// Custom reports whether the workbook defines the number format.
	Custom bool
	Italic bool
	// Font is the font's name, such as "Arial" or "Wingdings 3".
	Font string
	// Fill is the upper-case ARGB colour of a patterned fill's
	// foreground (its background when it gives none), theme, palette and
	// tint resolved; empty for no fill.
	Fill string
	// Date reports whether the number format shows a date or time.
	Date bool
}

// ReadStyles reads each cell format of a styles part (xl/styles.xml);
// nil if the part is missing or not understood. Fill colours given by
// theme index are resolved against no theme: see ReadStylesTheme.
func ReadStyles(data []byte) []Style { return ReadStylesTheme(data, nil) }

// color is a <fgColor> or <bgColor>: an ARGB value, a legacy palette
// index or a theme colour, lightened or darkened by a tint.
type color struct {
	Auto    string   `xml:"auto,attr"`
	RGB     string   `xml:"rgb,attr"`
	Indexed *int     `xml:"indexed,attr"`
	Theme   *int     `xml:"theme,attr"`
	Tint    *float64 `xml:"tint,attr"`
}

// ReadStylesTheme reads each cell format of a styles part, resolving
// fill colours through the workbook's theme colours (as ReadTheme gives
// them) and its palette, the way excelize's GetStyle does, so that a RAG
// shown by a theme or indexed fill reads as the colour Excel shows.
func ReadStylesTheme(data []byte, theme []string) []Style {
	if data == nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			Italic *struct {
				Val string `xml:"val,attr"`
			} `xml:"i"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"fonts>font"`
		Fills []struct {
			Pattern *struct {
				Type string `xml:"patternType,attr"`
				Fg   *color `xml:"fgColor"`
				Bg   *color `xml:"bgColor"`
			} `xml:"patternFill"`
		} `xml:"fills>fill"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
			Font   int `xml:"fontId,attr"`
			Fill   int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
		Palette []struct {
			RGB string `xml:"rgb,attr"`
		} `xml:"colors>indexedColors>rgbColor"`
	}
	if err := xml.Unmarshal(data, &st); err != nil {
		return nil
	}
	palette := make([]string, len(st.Palette))
	for i, c := range st.Palette {
		palette[i] = c.RGB
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	fills := make([]string, len(st.Fills))
	for i, f := range st.Fills {
		p := f.Pattern
		if p == nil || p.Type == "" || p.Type == "none" {
			continue
		}
		// As excelize: the foreground, else the background.
		if c := p.Fg; c != nil && !isTrue(c.Auto) {
			fills[i] = resolveColor(*c, theme, palette)
		} else if c := p.Bg; c != nil && !isTrue(c.Auto) {
			fills[i] = resolveColor(*c, theme, palette)
		}
	}
	styles := make([]Style, len(st.Xfs))
	for i, xf := range st.Xfs {
		s := Style{NumFmt: xf.NumFmt}
		if xf.Font >= 0 && xf.Font < len(st.Fonts) {
			f := st.Fonts[xf.Font]
			s.Italic = f.Italic != nil && f.Italic.Val != "0" && f.Italic.Val != "false"
			s.Font = f.Name.Val
		}
		if xf.Fill >= 0 && xf.Fill < len(fills) {
			s.Fill = fills[xf.Fill]
		}
		s.FormatCode, s.Custom = codes[xf.NumFmt]
		s.Date = isDateFormat(xf.NumFmt, s.FormatCode, s.Custom)
		styles[i] = s
	}
	return styles
}

func isTrue(v string) bool { return v == "1" || v == "true" }

// resolveColor gives a colour as upper-case ARGB, resolved as excelize's
// GetBaseColor and ThemeColor resolve it: a theme colour first, then an
// RGB value, then the palette index (0, black, when none is given), and
// the tint applied last.
func resolveColor(c color, theme, palette []string) string {
	base := ""
	if c.Theme != nil && *c.Theme >= 0 && *c.Theme < len(theme) && theme[*c.Theme] != "" {
		base = theme[*c.Theme]
	}
	if base == "" {
		switch rgb := strings.ToUpper(c.RGB); {
		case len(rgb) == 6:
			base = rgb
		case len(rgb) == 8 && strings.HasPrefix(rgb, "FF"):
			base = rgb[2:]
		case len(rgb) == 8:
			return rgb // a transparent colour: kept as written
		default:
			i := 0
			if c.Indexed != nil {
				i = *c.Indexed
			}
			switch {
			case i >= 0 && i < len(palette) && len(palette[i]) >= 6:
				// Excel ignores a palette entry's alpha, which openpyxl
				// writes as 00.
				base = strings.ToUpper(palette[i][len(palette[i])-6:])
			case i >= 0 && i < len(excelize.IndexedColorMapping):
				base = excelize.IndexedColorMapping[i]
			default:
				return ""
			}
		}
	}
	if len(base) != 6 {
		return ""
	}
	if c.Tint == nil || *c.Tint == 0 {
		return "FF" + base
	}
	return strings.ToUpper(excelize.ThemeColor(base, *c.Tint))
}

// ReadTheme reads a theme part's colour scheme (xl/theme/theme1.xml) in
// the order a theme colour index counts them: light 1, dark 1, light 2,
// dark 2, then the six accents, each as six hex digits.
func ReadTheme(data []byte) []string {
	if data == nil {
		return nil
	}
	type choice struct {
		SRGB *struct {
			Val string `xml:"val,attr"`
		} `xml:"srgbClr"`
		Sys *struct {
			Last string `xml:"lastClr,attr"`
		} `xml:"sysClr"`
	}
	var th struct {
		Scheme struct {
			Dk1     choice `xml:"dk1"`
			Lt1     choice `xml:"lt1"`
			Dk2     choice `xml:"dk2"`
			Lt2     choice `xml:"lt2"`
			Accent1 choice `xml:"accent1"`
			Accent2 choice `xml:"accent2"`
			Accent3 choice `xml:"accent3"`
			Accent4 choice `xml:"accent4"`
			Accent5 choice `xml:"accent5"`
			Accent6 choice `xml:"accent6"`
		} `xml:"themeElements>clrScheme"`
	}
	if err := xml.Unmarshal(data, &th); err != nil {
		return nil
	}
	sc := th.Scheme
	out := make([]string, 0, 10)
	for _, c := range []choice{sc.Lt1, sc.Dk1, sc.Lt2, sc.Dk2, sc.Accent1, sc.Accent2, sc.Accent3, sc.Accent4, sc.Accent5, sc.Accent6} {
		v := ""
		if c.SRGB != nil {
			v = c.SRGB.Val
		} else if c.Sys != nil {
			v = c.Sys.Last
		}
		out = append(out, strings.ToUpper(v))
	}
	return out
}

// isDateFormat reports whether a number format shows a date or time:
// one of Excel's built-in date formats, or a custom code with day,
// month, year, hour or second letters outside quoted text, escapes and
// bracketed colours.
func isDateFormat(id int, code string, custom bool) bool {
	if !custom {
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
	}
	// Only the first section matters for a positive serial.
	inQuote := false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			inQuote = ch != '"'
		case ch == '"':
			inQuote = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++
		case ch == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return false
			}
			inner := strings.ToLower(code[i+1 : i+end])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				return true // elapsed time
			}
			i += end
		case ch == ';':
			return false
		default:
			switch ch | 0x20 {
			case 'd', 'm', 'y', 'h', 's', 'e', 'g':
				if ch|0x20 == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-') {
					continue // scientific notation
				}
				if ch|0x20 == 'g' && strings.HasPrefix(strings.ToLower(code[i:]), "general") {
					i += len("general") - 1
					continue
				}
				return true
			}
		}
	}
	return false
}
