package importer

import "strings"

// A row with no figures is a section heading ("Social care", "CIC") or
// an indicator with no figures yet, and a Ref with a digit tells the
// two apart. Some producers' Refs have none ("CLA", "EHA"): on a sheet
// of definitions and targets, with no figures at all, every such row was
// read as a section heading, its definition and targets dropped with
// nothing said. A section heading states no definition, so a row that
// does, beside a one-word Ref, is an indicator's.

// definitionRoles are the columns whose cells state part of an
// indicator's definition, its targets or its benchmarks.
var definitionRoles = map[Role]bool{
	RolePolarity: true, RoleDataPeriod: true, RoleUnit: true, RoleDecimals: true,
	RoleMeasure: true, RoleYearType: true, RoleTarget: true, RoleFloor: true,
	RoleTolerance: true, RoleMilestone: true, RoleMilestoneFloor: true,
	RolePrevious: true, RoleEngland: true, RoleNeighbours: true, RoleRegion: true,
}

// statesDefinition reports whether row r gives a cell in a column that
// states an indicator's definition, targets or benchmarks.
func (s *sheetReader) statesDefinition(r int) bool {
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		if definitionRoles[c.Role] && strings.TrimSpace(s.at(r, c)) != "" {
			return true
		}
	}
	return false
}
