package csvfile

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestRead: a CSV as Excel's "CSV UTF-8" (with its byte-order mark), its
// plain "CSV (Comma delimited)" (Windows-1252), its "Unicode Text"
// (UTF-16, tab-delimited) and a European locale's semicolons saves it
// reads as the same records, saying how the file wrote them; ragged rows
// and a stray quote are read as spreadsheets write them.
func TestRead(t *testing.T) {
	const text = "Ref,Indicator,Apr-25,May-25\r\nW1,Spend on placements – agency (£000s),120,118\r\n"
	want := [][]string{{"Ref", "Indicator", "Apr-25", "May-25"}, {"W1", "Spend on placements – agency (£000s)", "120", "118"}}
	tabbed := strings.ReplaceAll(text, ",", "\t")
	ansi, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tabbed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body string
		max        int
		want       Table
	}{
		{"UTF-8", text, 0, Table{Rows: want, Comma: ',', Encoding: ""}},
		{"UTF-8 with a byte-order mark", "\xEF\xBB\xBF" + text, 0, Table{Rows: want, Comma: ',', Encoding: ""}},
		{"Windows-1252", ansi, 0, Table{Rows: want, Comma: ',', Encoding: "Windows-1252"}},
		{"UTF-16, tab-delimited", utf16le, 0, Table{Rows: want, Comma: '\t', Encoding: "UTF-16"}},
		{"semicolons, a heading with a comma", "Ref;Indicator (count, all children);Apr-25\nCLA;Children looked after;1.480\nRR;Re-referrals, 12 months;21,3\n", 0,
			Table{Rows: [][]string{{"Ref", "Indicator (count, all children)", "Apr-25"}, {"CLA", "Children looked after", "1.480"}, {"RR", "Re-referrals, 12 months", "21,3"}}, Comma: ';'}},
		{"ragged rows and a stray quote", "Ref,Indicator,Apr-25\nW1,Children's \"homes,3,\nW2\n", 0,
			Table{Rows: [][]string{{"Ref", "Indicator", "Apr-25"}, {"W1", "Children's \"homes", "3", ""}, {"W2"}}, Comma: ','}},
		{"the first records only", text, 1, Table{Rows: want[:1], Comma: ','}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(context.Background(), strings.NewReader(tt.body), tt.max)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q %q %q,\nwant %q %q %q", got.Rows, got.Comma, got.Encoding, tt.want.Rows, tt.want.Comma, tt.want.Encoding)
			}
		})
	}
}

// TestReadRefuses: what is no table is refused naming the line, and a
// cancelled import stops.
func TestReadRefuses(t *testing.T) {
	const header = "Ref,Indicator,Period,Value\n"
	tests := []struct {
		name, body, want string
	}{
		{"a field past Excel's cell limit", header + "X1," + strings.Repeat("n", 32_768) + ",2025-03,5\n",
			"line 2, field 2: 32768 characters of text, more than the limit of 32767"},
		{"a record of thousands of fields", header + strings.Repeat("1,", 5000) + "1\n",
			"line 2: 5001 fields, more than a table has (at most 4096)"},
		{"a line of megabytes", header + "X1,\"" + strings.Repeat("n", 5<<20) + "\",2025-03,5\n",
			"refused: line 2 is more than 4 MB long"},
		{"text in no encoding", header + "X1,\xFF\xFE\x00n,2025-03,5\n", "line 2: not UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), strings.NewReader(tt.body), 0)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, strings.NewReader(header), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled read: error %v, want context.Canceled", err)
	}
}
