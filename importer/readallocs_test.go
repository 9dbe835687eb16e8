package importer

import (
	"context"
	"testing"
)

// TestReadAllocations guards what reading a workbook of Kent's and each
// district's sheet costs past its figures. A sheet's definitions were
// indexed by their names as each sheet was merged, for a sheet keyed by
// names to be filed by (settleNamedSheets), though few workbooks have
// one: 2,500 of this workbook's 58,400 allocations, and 11,000 of the
// large workbook's 133,000, were for nothing. They are indexed now only
// once such a sheet comes. The polarities, data periods and names its
// rows repeat from sheet to sheet are read from memory, and refs and
// labels compared without lower-cased copies: 6,500 more. Each row's
// Ref and name are normalised from memory: 4,300 more. Reading the
// notes under each table for a cohort, district or council they name
// (tablenotes.go) costs 1,400 for this workbook's 104 notes; matching
// phrases and ages without allocating gave 500 back.
func TestReadAllocations(t *testing.T) {
	path := perDistrictBook(t)
	if _, err := Read(context.Background(), path, Options{}); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := Read(context.Background(), path, Options{}); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%.0f allocations", allocs)
	if allocs > readAllocs {
		t.Errorf("reading a district scorecard made %.0f allocations, over %d", allocs, readAllocs)
	}
}

// readAllocs is the most allocations TestReadAllocations allows.
const readAllocs = 48000
