package trend

import "scorecard/app"

// Point is one period of a series, analysed. The fields up to Import are
// the points of `scorecard show --json`; the pointers are nil (null in
// JSON) where there is nothing to say. Value, Numerator, Denominator,
// Target, Floor, Tolerance and LastYear share the History's figures, and
// Flags a table that every point shares: do not modify what they point to.
type Point struct {
	Period      app.Period `json:"period"`
	Value       *float64   `json:"value"`
	Numerator   *float64   `json:"numerator"`
	Denominator *float64   `json:"denominator"`
	Status      app.Status `json:"status"`
	Target      *float64   `json:"target"`
	Floor       *float64   `json:"floor"`
	RAG         app.RAG    `json:"rag"`
	DoT         app.DoT    `json:"dot"`
	Change      *float64   `json:"change"` // vs the previous period, at the displayed precision
	Signal      Signal     `json:"signal"`
	Flags       []string   `json:"flags"` // the kinds of Flag raised at this point
	Import      string     `json:"import"`

	// FlagDetails says, for each of Flags in turn, what happened in words.
	FlagDetails []string `json:"flag_details,omitempty"`
	// Missing marks a period inside the series with no figure at all: a
	// gap, not a status code.
	Missing bool `json:"missing,omitempty"`
	StandIn bool `json:"stand_in,omitempty"` // a previous-year outturn standing in: not used in the maths
	// Assurance says whether the process will meet the target in force,
	// from where it sits against the chart's limits: the Making Data
	// Count assurance icon.
	Assurance Assurance `json:"assurance"`
	// Variation is the Making Data Count variation icon: Signal, and
	// whether a special cause is high or low.
	Variation Variation `json:"variation"`
	// VariationReading and AssuranceReading say what the icons mean in a
	// line each: "Improving: 8 months in a row above the average".
	VariationReading string `json:"variation_reading,omitempty"`
	AssuranceReading string `json:"assurance_reading,omitempty"`
	Revision         int    `json:"revision,omitempty"`
	// Tolerance is the green band either side of a NearTarget indicator's target.
	Tolerance *float64 `json:"tolerance,omitempty"`
	// ChangeUnit is what Change is counted in: "pp" for a percentage.
	ChangeUnit string `json:"change_unit,omitempty"`
	// ChangeLag is how many periods back Change, RelativeChange, DoT and
	// Movement compare with when it is not the one before: 12 for a
	// year-to-date measure's month, against the same month last year, 4
	// for its quarter.
	ChangeLag int `json:"change_lag,omitempty"`
	// RelativeChange is the change as a percentage of the previous figure,
	// to one decimal place; nil when that was zero.
	RelativeChange *float64  `json:"relative_change"`
	Movement       app.Arrow `json:"movement,omitempty"`     // which way the figure went
	SourceArrow    app.Arrow `json:"source_arrow,omitempty"` // which way the source workbook said it went
	// SourceRAG and SourceDoT are what the source workbook showed beside
	// the figure (its RAG text or fill; its arrow, judged by the
	// polarity), empty where it showed nothing, to set beside RAG and DoT.
	SourceRAG app.RAG `json:"source_rag"`
	SourceDoT app.DoT `json:"source_dot"`
	Trend     Trend   `json:"trend"`
	// LastYear is the figure for the same period a year before, with the
	// change from it and its direction of travel.
	LastYear       *float64 `json:"last_year"`
	LastYearChange *float64 `json:"last_year_change"`
	LastYearDoT    app.DoT  `json:"last_year_dot"`
	// Chart is the series' XmR chart, shared by its points; nil with too
	// few points.
	Chart *Chart `json:"chart"`
	Rule  string `json:"rule,omitempty"` // why the point is special cause, in words
	// Children is what one child is worth, for a percentage or rate with
	// its numerator and denominator; nil otherwise.
	Children *Children `json:"children"`
}

// Chart is an XmR chart's centre line and process limits, cut to the
// unit's natural range (0-100 for a percentage, nothing below zero for a
// count, rate or duration).
type Chart struct {
	Mean     float64 `json:"mean"`
	Upper    float64 `json:"upper"`
	Lower    float64 `json:"lower"`
	Baseline int     `json:"baseline"` // figures the mean and limits were set from
	// Note is the officer's note on the rebase this chart starts at.
	Note string `json:"note,omitempty"`
}
