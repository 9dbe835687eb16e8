// Command mkauthorities writes app/authorities.tsv, the profiles of the
// English local authorities the binary ships: name, codes, region, type
// and statistical neighbours from the DfE's published files; the
// districts of county councils, and other names of authorities, from
// districts.csv beside it; and the everyday names of councils the DfE
// names otherwise (see everydayNames).
//
// Run it from app/ (go generate does):
//
//	go run ./internal/mkauthorities -codes PATH
//
// where PATH is any explore-education-statistics CSV with old_la_code and
// new_la_code columns (the DfE's children looked after numbers file).
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The profiles as made, written one record a line (see write).
type (
	file struct {
		Default     string
		Pseudo      []area
		Authorities []authority
	}
	authority struct {
		Name, Old, New, Region, Type string
		Spellings                    []string
		Districts                    []area
		Neighbours                   []string
	}
	area struct {
		Name      string
		Spellings []string
	}
)

// defaultCode is the authority of a store that has chosen none: the
// demo's, whose figures every golden file holds.
const defaultCode = "886"

func main() {
	list := flag.String("list", "../importer/testdata/la_code_list.xlsx", "the DfE's LA code list `workbook`")
	model := flag.String("model", "../importer/dfe/sn_model_2025_wide.csv", "the DfE's statistical-neighbour `model` (wide CSV)")
	codes := flag.String("codes", "../../shared/realdata/cla_number_and_rate_per_10k_children.csv", "a DfE `CSV` with old_la_code and new_la_code")
	districts := flag.String("districts", "internal/mkauthorities/districts.csv", "the county councils' `districts`")
	out := flag.String("o", "authorities.tsv", "the `file` to write")
	flag.Parse()
	log.SetFlags(0)

	types, err := readTypes(*list)
	if err != nil {
		log.Fatal(err)
	}
	newCodes, err := readNewCodes(*codes)
	if err != nil {
		log.Fatal(err)
	}
	f := file{Default: defaultCode, Pseudo: []area{
		{"Out of County / Unknown", []string{"Out of County", "Unknown", "OOC", "Out of County or Unknown"}},
		{"UASC Service", []string{"UASC", "UASC Team", "Unaccompanied Service"}},
	}}
	rows, err := readCSV(*model)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rows[1:] {
		a := authority{Old: r[0], Name: r[1], Region: r[3], New: newCodes[r[0]], Type: types[r[0]]}
		if a.Type == "" {
			log.Fatalf("%s: authority %s (%s) is not in the LA code list", *model, a.Name, a.Old)
		}
		for i := 4; i+1 < len(r); i += 2 {
			if c := strings.TrimSpace(r[i]); c != "" {
				a.Neighbours = append(a.Neighbours, c)
			}
		}
		a.Spellings = everydayNames(a)
		f.Authorities = append(f.Authorities, a)
	}
	drows, err := readCSV(*districts)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range drows[1:] {
		i := slices.IndexFunc(f.Authorities, func(a authority) bool { return a.Old == r[0] })
		if i < 0 {
			log.Fatalf("%s: no authority with code %s", *districts, r[0])
		}
		var sp []string
		if r[2] != "" {
			sp = strings.Split(r[2], "|")
		}
		if r[1] == "*" {
			f.Authorities[i].Spellings = append(f.Authorities[i].Spellings, sp...)
			continue
		}
		f.Authorities[i].Districts = append(f.Authorities[i].Districts, area{r[1], sp})
	}
	for i := range f.Authorities {
		// A county's name as its hand-kept row gives it, and as made.
		var seen []string
		f.Authorities[i].Spellings = slices.DeleteFunc(f.Authorities[i].Spellings, func(s string) bool {
			dup := slices.Contains(seen, s)
			seen = append(seen, s)
			return dup
		})
	}
	if err := os.WriteFile(*out, f.tsv(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// tsv is f as app/authority.go reads it: one record a line, its fields
// separated by tabs and a list's items by "|", a district on the lines
// after its authority. Every command reads it as it starts, and JSON
// took a few milliseconds of that to decode.
func (f file) tsv() []byte {
	var b strings.Builder
	b.WriteString("# The English local authorities with children's services, made by go generate ./app\n")
	b.WriteString("# (internal/mkauthorities): default CODE | pseudo NAME SPELLINGS | authority NAME OLD NEW\n")
	b.WriteString("# REGION TYPE SPELLINGS NEIGHBOURS | district NAME SPELLINGS, of the authority above.\n")
	line := func(fields ...string) {
		for _, x := range fields {
			if strings.ContainsAny(x, "\t\n") {
				log.Fatalf("%q: a tab or line break in a field", x)
			}
		}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	list := func(xs []string) string {
		for _, x := range xs {
			if strings.Contains(x, "|") {
				log.Fatalf("%q: a | in a list item", x)
			}
		}
		return strings.Join(xs, "|")
	}
	line("default", f.Default)
	for _, p := range f.Pseudo {
		line("pseudo", p.Name, list(p.Spellings))
	}
	for _, a := range f.Authorities {
		line("authority", a.Name, a.Old, a.New, a.Region, a.Type, list(a.Spellings), list(a.Neighbours))
		for _, d := range a.Districts {
			line("district", d.Name, list(d.Spellings))
		}
	}
	return []byte(b.String())
}

// everydayNames are the names councils go by in workbooks beside the
// DfE's: "Leeds City Council", "London Borough of Camden", "City of
// York". Area names fold "Council", "Borough" and "District" away, so
// "Barnet Council" needs no name of its own; "City", "County" and
// "London" stay (a "County" row is a county's total, "London" a region),
// so names with them are listed. The irregular ones ("Bristol" for
// "Bristol, City of", "Hull", the royal boroughs) are hand-kept in
// districts.csv.
func everydayNames(a authority) []string {
	switch a.Type {
	case "SC":
		return []string{a.Name + " County Council"}
	}
	if strings.Contains(a.Name, ",") || strings.HasPrefix(a.Name, "County ") || strings.HasPrefix(a.Name, "City of ") {
		return nil // irregular: hand-kept in districts.csv
	}
	if a.Type == "OLB" || a.Type == "ILB" {
		return []string{"London Borough of " + a.Name, "LB " + a.Name}
	}
	return []string{a.Name + " City Council", "City of " + a.Name, "City of " + a.Name + " Council"}
}

// readTypes reads the LA code list: old code to the DfE's type of
// authority (SC shire county, UA, MD, OLB, ILB).
func readTypes(name string) (map[string]string, error) {
	x, err := excelize.OpenFile(name)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetList()[0])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], []string{"LA Number", "LA Name", "Region", "Type"}) {
		return nil, fmt.Errorf("%s: header is not LA Number, LA Name, Region, Type", name)
	}
	types := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) == 4 && r[3] != "NA" {
			types[r[0]] = r[3]
		}
	}
	return types, nil
}

// readNewCodes maps old LA codes to new (ONS) codes.
func readNewCodes(name string) (map[string]string, error) {
	rows, err := readCSV(name)
	if err != nil {
		return nil, err
	}
	o, n := slices.Index(rows[0], "old_la_code"), slices.Index(rows[0], "new_la_code")
	if o < 0 || n < 0 {
		return nil, fmt.Errorf("%s: no old_la_code and new_la_code columns", name)
	}
	codes := map[string]string{}
	for _, r := range rows[1:] {
		if r[o] != "" && r[n] != "" {
			codes[r[o]] = r[n]
		}
	}
	return codes, nil
}

func readCSV(name string) ([][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(rows) == 0 && len(row) > 0 {
			row[0] = strings.TrimPrefix(row[0], "\ufeff")
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	return rows, nil
}
