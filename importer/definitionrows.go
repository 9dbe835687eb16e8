package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/value"
)

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

// ownsDefinition reports whether row r states, in a column of
// definitionRoles, something only an indicator's row states and that
// reads as such: a polarity, a unit, decimals or a measure, or a target's
// or benchmark's figure. A section heading may state its rows' data
// period or kind of year ("SAFEGUARDING | Financial"), caption a column
// ("2023/24" over its Previous year figures), or a legend spell out its
// codes ("KEY | H/L"): none of those makes a Ref with no digit an
// indicator's (QA24a D2: such rows were read as indicators, one caption
// as a figure of 8429%, and the indicators below lost their section).
func (s *sheetReader) ownsDefinition(r int, ref, name string) bool {
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		text := strings.TrimSpace(s.at(r, c))
		if !definitionRoles[c.Role] || text == "" {
			continue
		}
		switch c.Role {
		case RoleDataPeriod, RoleYearType:
		case RolePolarity:
			if p, err := app.ParsePolarity(text); err == nil && p != app.PolarityNone {
				return true
			}
		case RoleUnit:
			if readUnitCell(ref, text, name).unit != "" {
				return true
			}
		case RoleDecimals:
			if n, err := strconv.Atoi(text); err == nil && n >= 0 && n <= 6 {
				return true
			}
		case RoleMeasure:
			if _, ok := parseMeasure(text); ok {
				return true
			}
		default:
			if f, err := value.Parse(text); err == nil && f.Status == app.OK {
				return true
			}
		}
	}
	return false
}
