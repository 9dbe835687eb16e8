package importer

import (
	"context"
	"strings"
	"testing"
)

// TestDfEMissingColumnIsNamed imports DfE tables with one of
// time_period, time_identifier and geographic_level deleted: the refusal
// names the column, where the file's la_name had it called "reference
// data: a list of local authorities" (QA hB F9). A list of authorities
// is still called one.
func TestDfEMissingColumnIsNamed(t *testing.T) {
	const kent = "886,Kent,E10000016,Children looked after on 31 March each year,1896\n"
	tests := []struct {
		name string
		csv  string
		book bool
		want string
	}{
		{name: "no time_identifier",
			csv:  "time_period,geographic_level,old_la_code,la_name,new_la_code,population_type,children_count\n2025,Local authority," + kent,
			want: "data.csv: line 1: an explore-education-statistics CSV without its time_identifier column"},
		{name: "no time_identifier, saved as a workbook", book: true,
			csv:  "time_period,geographic_level,old_la_code,la_name,new_la_code,population_type,children_count\n2025,Local authority," + kent,
			want: "book.xlsx: Data!A1: an explore-education-statistics CSV without its time_identifier column"},
		{name: "no geographic_level",
			csv:  "time_period,time_identifier,old_la_code,la_name,new_la_code,population_type,children_count\n2025,Reporting year," + kent,
			want: "data.csv: line 1: an explore-education-statistics CSV without its geographic_level column"},
		{name: "no time_period",
			csv:  "time_identifier,geographic_level,old_la_code,la_name,new_la_code,population_type,children_count\nReporting year,Local authority," + kent,
			want: "data.csv: line 1: an explore-education-statistics CSV without its time_period column"},
		{name: "a list of local authorities",
			csv:  "old_la_code,la_name,new_la_code\n886,Kent,E10000016\n",
			want: "data.csv: line 1: reference data: a list of local authorities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeCSV(t, tt.csv)
			if tt.book {
				var rows [][]any
				for _, line := range strings.Split(strings.TrimSuffix(tt.csv, "\n"), "\n") {
					var row []any
					for _, c := range strings.Split(line, ",") {
						row = append(row, c)
					}
					rows = append(rows, row)
				}
				path = writeBook(t, "Data", rows)
			}
			_, err := Read(context.Background(), path, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to start %q", err, tt.want)
			}
		})
	}
}
