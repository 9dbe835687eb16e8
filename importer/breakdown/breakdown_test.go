package breakdown

import (
	"slices"
	"testing"
)

// TestIsAll reads the values that name all rows, as the DfE and
// councils' tidy tables write them, and not the values of a breakdown.
func TestIsAll(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want bool
	}{
		{"Total", true}, {"total", true}, {"Totals", true}, {"All", true}, {"All ages", true},
		{"Total children", true}, {"Persons", true}, {"Everyone", true}, {"Overall", true},
		{"Both sexes", true}, {"Grand total", true}, {" Total* ", true},
		{"Male", false}, {"Under 1", false}, {"Subtotal", false}, {"", false}, {"c", false},
	} {
		if got := IsAll(tt.v); got != tt.want {
			t.Errorf("IsAll(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// TestColumn sees a column's values row by row: a filter has words, a
// row for all and another value; figures and status codes are not words;
// the values a warning lists and the rows left are counted as seen.
func TestColumn(t *testing.T) {
	for _, tt := range []struct {
		name   string
		rows   []string
		total  string
		values []string
		text   bool
		filter bool
	}{
		{"sex with a total", []string{"Male", "Female", "Total", "Male", " Total "}, "Total", []string{"Male", "Female", "Total"}, true, true},
		{"sex without a total", []string{"Male", "Female"}, "", []string{"Male", "Female"}, true, false},
		{"figures", []string{"1,896", "12", "c", "x"}, "", []string{"1,896", "12", "c", "x"}, false, false},
		{"only a total", []string{"Total", "Total"}, "Total", []string{"Total"}, true, false},
		{"many values", []string{"0", "1", "2", "3", "4", "5", "6", "All ages"}, "All ages", []string{"0", "1", "2", "3", "4"}, true, true},
		{"blanks", []string{"", " ", "All"}, "All", []string{"All"}, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var c Column
			for _, v := range tt.rows {
				c.See(v)
			}
			if c.Total != tt.total || !slices.Equal(c.Values, tt.values) || c.Text != tt.text || c.Filter() != tt.filter {
				t.Errorf("total %q, values %q, text %v, filter %v; want %q, %q, %v, %v",
					c.Total, c.Values, c.Text, c.Filter(), tt.total, tt.values, tt.text, tt.filter)
			}
		})
	}
}

// TestSkip counts the rows left: the first, how many, and each value
// once, up to MaxShown+1.
func TestSkip(t *testing.T) {
	var c Column
	for i, v := range []string{"Male", "Female ", "Male", "a", "b", "c", "d", "e"} {
		c.Skip(v, 10+i)
	}
	if c.Skipped.N != 8 || c.Skipped.First != 10 || !slices.Equal(c.Skipped.Shown, []string{"Male", "Female", "a", "b", "c"}) {
		t.Errorf("skipped %+v", c.Skipped)
	}
	if got := List(c.Skipped.Shown); got != "Male, Female, a, b, ..." {
		t.Errorf("List = %q", got)
	}
	for n, want := range map[int]string{1: "1 row", 2: "2 rows", 835: "835 rows"} {
		if got := Rows(n); got != want {
			t.Errorf("Rows(%d) = %q, want %q", n, got, want)
		}
	}
}
