package synth

import "scorecard/app"

// Section names, in the order the scorecard lists them.
const (
	SectionCiC       = "Children in Care"
	SectionSocial    = "Social Work"
	SectionEarlyHelp = "Early Help"
	SectionSEND      = "SEND"
	SectionEducation = "Education"
)

// pattern is the shape of a series over its last months, so that SPC and
// direction of travel have something real to find (or, for flat series,
// nothing).
type pattern uint8

const (
	flat     pattern = iota // common-cause noise around one level
	shift                   // a step change seven months before the end
	trending                // seven or more months moving one way
	drift                   // a random walk
)

// spec is the recipe for one indicator: its definition and the levels its
// figures are generated around. Levels are Kent's, all children, in the
// latest month; where the real DfE data has Kent's figure it is used.
type spec struct {
	ind    app.Indicator
	marker string // footnote marker shown after the name on the scorecard
	owner  string // lead officer, in the hidden column

	level   float64 // value: % (0-100), count, days, weeks; for a rate, the count
	size    float64 // denominator: children counted, cases, or population for a rate
	pattern pattern
	noise   float64 // month-to-month standard deviation of the value
	denOf   string  // ref whose numerators are this one's denominators
	numOf   string  // ref whose numerators are this one's numerators (rates)

	uasc      float64 // UASC share of the denominator (counts: of the count); 0: no split
	uascLevel float64 // UASC value (proportions), as a percentage
	twin      bool    // shown with an "(excluding UASC)" twin row
	need      float64 // how strongly district counts follow deprivation (0-1)
	ooc       float64 // share of children out of county or unknown

	target, floor, tol float64 // in the latest year; tol only for polarity T
	hasTarget          bool
	step               float64 // how much less demanding each earlier year was

	england, neighbours float64 // 2024/25 benchmarks; 0 for none
	comment             string  // narrative for the latest month
}

func percentDef(ref, name, section string, pol app.Polarity, dp app.DataPeriod) app.Indicator {
	return app.Indicator{Ref: ref, Name: name, Section: section, Polarity: pol, Unit: app.Percent,
		Decimals: 1, DataPeriod: dp, Measure: app.Proportion, YearType: app.FinancialYear}
}

func def(ref, name, section string, pol app.Polarity, u app.Unit, dec int, dp app.DataPeriod, m app.Measure) app.Indicator {
	return app.Indicator{Ref: ref, Name: name, Section: section, Polarity: pol, Unit: u,
		Decimals: dec, DataPeriod: dp, Measure: m, YearType: app.FinancialYear}
}

func academic(i app.Indicator) app.Indicator {
	i.YearType = app.AcademicYear
	return i
}

func guided(i app.Indicator, g string) app.Indicator {
	i.Guidance = g
	return i
}

// staff marks a workforce measure: it counts social workers, not
// children, so no cohort of children can be counted in it and excluding
// one leaves its figures as they are. The cohorts are in the order
// app.ParseCohorts gives them, as the importer reads them back.
func staff(i app.Indicator) app.Indicator {
	i.Unaffected = []app.Cohort{app.Disability, app.FormerUASC, app.OLA, app.UASC}
	return i
}

// Kent's population aged 0-17 in mid-2024, the denominator of the DfE's
// 2025 rate of children in care (1,896 children, 53 per 10,000).
const kentChildren = 355390

// demoSpecs are the directorate scorecard's indicators. CIC05 is fixed by
// the brief: 221 of 1,896 children in care had 3+ placements (DfE 2025).
// CIC01's and CIC05's guidance is word for word importer/childlevel's,
// since a child-level import replaces the indicator the store holds.
func demoSpecs() []spec {
	H, L, T, N := app.HigherBetter, app.LowerBetter, app.NearTarget, app.PolarityNone
	return []spec{
		// Children in Care
		{ind: guided(def("CIC01", "Number of children in care", SectionCiC, N, app.Number, 0, app.Snapshot, app.Count),
			"Children looked after on the last day of the month."),
			owner: "Head of Children in Care", level: 1896, noise: 12, pattern: drift,
			uasc: 428.0 / 1896, twin: true, need: 1, ooc: 0.05, comment: "Numbers rose over the summer as arrivals of unaccompanied children at the port increased."},
		{ind: guided(def("CIC02", "Rate of children in care per 10,000 children", SectionCiC, N, app.Per10k, 1, app.Snapshot, app.Rate),
			"Children in care on the last day of the month (CIC01) per 10,000 children aged 0-17 living in Kent; the denominator is the ONS mid-2024 population estimate, 355,390. Source: Liberi; ONS mid-year estimates."),
			owner: "Head of Children in Care", numOf: "CIC01", size: kentChildren, need: 1,
			england: 67, neighbours: 62.4},
		{ind: guided(percentDef("CIC03", "Children in care placed with in-house foster carers (%)", SectionCiC, H, app.Snapshot),
			"Numerator: children in care on the last day of the month placed with Kent's own (in-house) foster carers; connected persons carers and independent fostering agencies are not counted. Denominator: all children in care that day (CIC01). Source: Liberi placements."),
			owner: "Head of Fostering", level: 41.8, noise: 0.5, pattern: trending, denOf: "CIC01",
			uasc: 1, uascLevel: 18, twin: true, need: 0.3, target: 45, floor: 40, hasTarget: true, step: 0,
			comment: "Recruitment campaign has added 14 fostering households since April."},
		{ind: guided(percentDef("CIC04", "Children in care placed more than 20 miles from home (%)", SectionCiC, L, app.Snapshot),
			"Numerator: children in care on the last day of the month placed more than 20 miles, in a straight line between postcodes, from the home they were taken into care from; children placed with parents or with an unknown postcode are not counted. Denominator: all children in care that day (CIC01). Source: Liberi, as the SSDA903 distance."),
			marker: "*", owner: "Head of Children in Care", level: 14.6, noise: 0.4, pattern: flat, denOf: "CIC01",
			uasc: 1, uascLevel: 9, need: 0.3, target: 12, floor: 16, hasTarget: true, step: 0.5},
		{ind: guided(percentDef("CIC05", "Children in care with 3 or more placements in the last 12 months (%)", SectionCiC, L, app.Rolling12),
			"Children in care on the last day of the month who had three or more placements in the previous 12 months, as a percentage of all children in care."),
			owner: "Head of Children in Care", level: 100 * 221.0 / 1896, noise: 0.35, pattern: shift, denOf: "CIC01",
			uasc: 1, uascLevel: 8.9, twin: true, need: 0.3, target: 10, floor: 12, hasTarget: true, step: 0,
			england: 10, neighbours: 10.6, comment: "Placement moves for older children remain high; the sufficiency plan is targeting semi-independent provision."},
		{ind: guided(percentDef("CIC06", "Children in care 2.5 years or more in the same placement for 2 years (%)", SectionCiC, H, app.Snapshot),
			"Denominator: children under 16 on the last day of the month who have been in care continuously for two and a half years or more. Numerator: those of them who have lived in the same placement for at least two years, or are placed for adoption and have been with the family, counting the placement before, for two years. Source: Liberi, as the SSDA903 long-term stability measure."),
			owner: "Head of Children in Care", level: 68.9, noise: 0.8, pattern: flat, size: 560, need: 0.2,
			target: 70, floor: 65, hasTarget: true, step: 0.5, england: 69, neighbours: 68.1},
		{ind: guided(percentDef("CIC07", "Children in care with an up-to-date health assessment (%)", SectionCiC, H, app.Snapshot),
			"Numerator: children in care on the last day of the month whose latest health assessment is in date: within six months for children under 5, within 12 months from age 5. Denominator: all children in care that day (CIC01). Source: Liberi health records, from the looked after children health team."),
			owner: "Head of Children in Care", level: 88.4, noise: 1.1, pattern: drift, denOf: "CIC01",
			uasc: 1, uascLevel: 79, twin: true, need: 0.1, target: 90, floor: 85, hasTarget: true, step: 0},
		{ind: guided(percentDef("CIC08", "Care leavers aged 17-21 in education, employment or training (%)", SectionCiC, H, app.Snapshot),
			"Numerator: care leavers aged 17 to 21 whose activity, recorded within three months either side of their latest birthday, was education, employment or training. Denominator: all care leavers aged 17 to 21 (former relevant children), including those whose activity is not known. Source: Liberi, as the SSDA903 care leavers return."),
			marker: "(1)", owner: "Head of 18+ Care Leavers Service", level: 61.3, noise: 0.7, pattern: flat, size: 2105,
			uasc: 0.46, uascLevel: 71, twin: true, need: 0.2, ooc: 0.08, target: 65, floor: 58, hasTarget: true, step: 1,
			england: 56, neighbours: 57.8},
		{ind: guided(def("CIC09", "Average days between entering care and moving in with an adoptive family", SectionCiC, L, app.Days, 0, app.Rolling12, app.Mean),
			"For children who moved in with their adoptive family in the last 12 months: the sum of the days from last entering care to moving in (for foster carer adoptions, to moving in with the carers), divided by the number of those children. The sum of days and the number of children are kept so districts and cohorts can be combined. Source: Liberi; Adoption Partnership South East."),
			owner: "Head of Adoption Partnership", level: 412, size: 58, noise: 9, pattern: trending, need: 0.5,
			target: 400, floor: 480, hasTarget: true, step: 10, england: 475, neighbours: 461},
		{ind: guided(def("CIC10", "Number of children starting to be looked after in the last 12 months", SectionCiC, N, app.Number, 0, app.Rolling12, app.Count),
			"Children who started to be looked after in the 12 months to the end of the month, each child counted once, on their first start in the period; short-break placements are not counted. Source: Liberi, as the SSDA903 return."),
			owner: "Head of Children in Care", level: 3226, noise: 25, pattern: drift, uasc: 0.57, twin: true, need: 1, ooc: 0.04},
		{ind: guided(def("CIC11", "Change in children in care since the same month last year", SectionCiC, N, app.Number, 0, app.Snapshot, app.Other),
			"Children in care on the last day of the month (CIC01) less children in care on the last day of the same month a year earlier; negative when numbers have fallen. Source: Liberi."),
			owner: "Head of Children in Care", numOf: "CIC01"},
		// Social Work
		{ind: guided(percentDef("SCS01", "Re-referrals to children's social care within 12 months (%)", SectionSocial, L, app.Rolling12),
			"Numerator: referrals to children's social care in the last 12 months where the child had another referral within the 12 months before. Denominator: all referrals in the last 12 months (SCS07). Source: Liberi, as the Children in Need census."),
			owner: "Head of Front Door", level: 21.6, noise: 0.3, pattern: shift, size: 24035, need: 0.6, ooc: 0.01,
			target: 20, floor: 25, hasTarget: true, step: 0, england: 22.6, neighbours: 21.4,
			comment: "Re-referrals fell after the front door triage pilot widened to all districts in April."},
		{ind: guided(percentDef("SCS02", "Child protection plans that were a second or subsequent plan (%)", SectionSocial, L, app.Rolling12),
			"Numerator: child protection plans starting in the last 12 months where the child had been on a plan before, at any time and in any authority where known. Denominator: all child protection plans starting in the last 12 months. Source: Liberi, as the Children in Need census."),
			owner: "Head of Quality Assurance", level: 24.3, noise: 0.6, pattern: flat, size: 1274, need: 0.8, ooc: 0.01,
			target: 20, floor: 23, hasTarget: true, step: 0.5, england: 23.6, neighbours: 22.9},
		{ind: staff(guided(def("SCS03", "Average caseload of children's social workers", SectionSocial, T, app.Number, 1, app.Snapshot, app.Mean),
			"Children's cases open to qualified social workers on the last day of the month divided by the full-time equivalent number of those workers holding cases, agency workers included. The target is 18: within 2 either side is green, within 4 amber. Source: Liberi allocations; HR establishment.")),
			owner: "Head of Workforce", level: 17.6, size: 491, noise: 0.35, pattern: flat, need: 0.4,
			target: 18, tol: 2, hasTarget: true, england: 15.2, neighbours: 16.4},
		{ind: staff(guided(percentDef("SCS04", "Agency social workers (%)", SectionSocial, L, app.Snapshot),
			"Numerator: full-time equivalent agency children's social workers in post on the last day of the month. Denominator: all full-time equivalent children's social workers that day, employed and agency. Source: HR establishment and agency records, as the DfE children's social work workforce census.")),
			owner: "Head of Workforce", level: 13.2, noise: 0.4, pattern: trending, size: 881, need: 0.5,
			target: 10, floor: 15, hasTarget: true, step: 1, england: 13, neighbours: 14.1,
			comment: "Agency use continues to fall as the first ASYE cohort qualifies."},
		{ind: staff(guided(percentDef("SCS05", "Social worker turnover in the last 12 months (%)", SectionSocial, L, app.Rolling12),
			"Numerator: full-time equivalent employed children's social workers who left Kent in the 12 months to the end of the month. Denominator: full-time equivalent employed children's social workers in post at the end of the month; agency workers are in neither. Source: HR records, as the DfE children's social work workforce census.")),
			owner: "Head of Workforce", level: 15.4, noise: 0.3, pattern: drift, size: 765, need: 0.3,
			target: 14, floor: 17, hasTarget: true, step: 0, england: 11.8, neighbours: 13.9},
		{ind: guided(percentDef("SCS06", "Child and family assessments completed within 45 working days (%)", SectionSocial, H, app.Rolling12),
			"Numerator: child and family assessments completed in the last 12 months within 45 working days of the referral. Denominator: all child and family assessments completed in the last 12 months. Source: Liberi, as the Children in Need census."),
			owner: "Head of Front Door", level: 86.2, noise: 0.8, pattern: flat, size: 17400, need: 0.6, ooc: 0.01,
			target: 85, floor: 80, hasTarget: true, step: 0, england: 83, neighbours: 84.6},
		{ind: guided(def("SCS07", "Number of referrals to children's social care in the last 12 months", SectionSocial, N, app.Number, 0, app.Rolling12, app.Count),
			"Referrals to children's social care received in the 12 months to the end of the month; a child referred twice counts twice, and contacts that did not become referrals are not counted. Source: Liberi, as the Children in Need census."),
			owner: "Head of Front Door", level: 24035, noise: 160, pattern: drift, need: 0.7, ooc: 0.01},
		{ind: guided(def("SCS08", "Median days from referral to the end of a child protection plan", SectionSocial, N, app.Days, 0, app.Rolling12, app.Median),
			"Median, over child protection plans that ended in the last 12 months, of the days from the referral that led to the plan to the plan's end. A median cannot be worked out from district medians, so each area's is taken from its own plans. Source: Liberi."),
			owner: "Head of Quality Assurance", level: 322, noise: 6, pattern: flat, need: 0.2},
		// Early Help
		{ind: guided(percentDef("EH01", "Early help cases closed with outcomes achieved (%)", SectionEarlyHelp, H, app.Rolling12),
			"Numerator: early help cases closed in the last 12 months with the closure reason outcomes achieved. Denominator: all early help cases closed in the last 12 months. Source: the early help case management system."),
			owner: "Head of Early Help", level: 78.5, noise: 0.6, pattern: flat, size: 7350, need: 0.5,
			target: 80, floor: 75, hasTarget: true, step: 1},
		{ind: guided(percentDef("EH02", "Early help cases stepped up to social care within 3 months of closure (%)", SectionEarlyHelp, L, app.Rolling12),
			"Numerator: early help cases closed in the last 12 months where the child was referred to children's social care, and the referral accepted, within three months of closure. Denominator: all early help cases closed in the last 12 months. Source: early help and Liberi records matched by child."),
			owner: "Head of Early Help", level: 7.8, noise: 0.25, pattern: flat, size: 7350, need: 0.5,
			target: 8, floor: 10, hasTarget: true, step: 0},
		{ind: guided(def("EH03", "Number of families supported by early help", SectionEarlyHelp, N, app.Number, 0, app.Snapshot, app.Count),
			"Families with an open early help case on the last day of the month, each family counted once however many of its children are open. Source: the early help case management system."),
			owner: "Head of Early Help", level: 3912, noise: 40, pattern: drift, need: 0.8},
		{ind: guided(def("EH04", "Average weeks an early help case is open at closure", SectionEarlyHelp, L, app.Weeks, 1, app.Rolling12, app.Mean),
			"For early help cases closed in the last 12 months: the total weeks from each case's start to its closure, divided by the number of cases closed. Source: the early help case management system."),
			owner: "Head of Early Help", level: 21.4, size: 7350, noise: 0.3, pattern: shift, need: 0.2,
			target: 20, floor: 24, hasTarget: true, step: 0},
		// SEND
		{ind: guided(academic(percentDef("SEND01", "EHCPs issued within 20 weeks, excluding exceptions (%)", SectionSEND, H, app.Rolling12)),
			"Numerator: new education, health and care plans issued in the last 12 months within 20 weeks of the request for an assessment. Denominator: all new plans issued in the last 12 months. Plans delayed by an exception allowed in the SEND regulations are left out of both. Targets are set per academic year. Source: Synergy, as the SEN2 return."),
			owner: "Head of SEN", level: 38.6, noise: 1.6, pattern: trending, size: 3420, need: 0.3,
			target: 50, floor: 40, hasTarget: true, step: 10, england: 46.4, neighbours: 41.2,
			comment: "Timeliness is improving as the backlog of assessments is cleared."},
		{ind: guided(academic(def("SEND02", "Number of children and young people with an EHCP", SectionSEND, N, app.Number, 0, app.Snapshot, app.Count)),
			"Children and young people aged 0-25 for whom Kent maintains an education, health and care plan on the last day of the month. Source: Synergy; the SEN2 return counts the same plans at the January census."),
			owner: "Head of SEN", level: 20512, noise: 70, pattern: flat, need: 0.4},
		{ind: guided(academic(def("SEND03", "Median weeks from EHC needs assessment request to plan issued", SectionSEND, L, app.Weeks, 1, app.Rolling12, app.Median)),
			"Median, over new education, health and care plans issued in the last 12 months, of the weeks from the request for an assessment to the plan being issued, exceptions included. A median cannot be worked out from district medians, so each area's is taken from its own plans. Source: Synergy."),
			owner: "Head of SEN", level: 27.5, noise: 0.6, pattern: shift, need: 0.2,
			target: 20, floor: 26, hasTarget: true, step: 2},
		{ind: guided(academic(percentDef("SEND04", "EHCP annual reviews completed within 12 months (%)", SectionSEND, H, app.Rolling12)),
			"Numerator: plans whose annual review fell due in the last 12 months and was completed, with the decision issued, within 12 months of the plan being issued or last reviewed. Denominator: all plans whose annual review fell due in the last 12 months. Source: Synergy."),
			owner: "Head of SEN", level: 64.1, noise: 1.0, pattern: flat, size: 19800, need: 0.2,
			target: 75, floor: 65, hasTarget: true, step: 5},
		// Education
		{ind: guided(academic(def("ED01", "Permanent exclusions per 10,000 pupils", SectionEducation, L, app.Per10k, 2, app.Rolling12, app.Rate)),
			"Permanent exclusions from Kent's state-funded schools in the last 12 months per 10,000 pupils on roll at the latest school census. Source: exclusion notifications to the Inclusion service; school census."),
			owner: "Head of Inclusion", level: 120, size: 236400, noise: 3, pattern: flat, need: 0.6,
			target: 5, floor: 6, hasTarget: true, step: 0, england: 10.8, neighbours: 8.7},
		{ind: guided(def("ED02", "Number of children missing education", SectionEducation, N, app.Number, 0, app.Snapshot, app.Count),
			"Children of compulsory school age living in Kent who are on no school roll and are not receiving suitable education otherwise, on the last day of the month. Source: Children Missing Education service records."),
			owner: "Head of Inclusion", level: 612, noise: 22, pattern: flat, need: 0.8, ooc: 0.02},
		{ind: guided(academic(percentDef("ED03", "Pupils persistently absent (%)", SectionEducation, L, app.YearToDate)),
			"Numerator: pupils in Kent's state-funded schools who have missed 10% or more of their possible sessions, for any reason, in the academic year to date. Denominator: pupils of compulsory school age on roll with sessions recorded in the period. Source: schools' daily registers, from the DfE attendance data."),
			marker: "(1)", owner: "Head of Inclusion", level: 19.4, noise: 0.4, pattern: drift, size: 236400, need: 0.4,
			target: 17, floor: 20, hasTarget: true, step: 0.5, england: 17.8, neighbours: 18.4},
		{ind: guided(percentDef("ED04", "Primary schools judged good or outstanding (%)", SectionEducation, H, app.Snapshot),
			"Numerator: Kent's state-funded primary schools whose latest graded Ofsted inspection judged overall effectiveness good or outstanding. Denominator: Kent's state-funded primary schools with a graded judgement, at the end of the month. Source: Ofsted management information."),
			owner: "Head of School Improvement", level: 91.2, noise: 0.3, pattern: flat, size: 455, need: 0.2,
			target: 92, floor: 90, hasTarget: true, step: 0, england: 90.1, neighbours: 91.0},
		{ind: guided(def("ED05", "Number of children electively home educated", SectionEducation, N, app.Number, 0, app.Snapshot, app.Count),
			"Children of compulsory school age living in Kent known to be electively home educated on the last day of the month, as notified by parents or schools. Source: Elective Home Education team records."),
			owner: "Head of Inclusion", level: 3318, noise: 30, pattern: drift, need: 0.3},
	}
}
