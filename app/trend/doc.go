// Package trend says how each scorecard figure is moving, and whether the
// move is signal or noise.
//
// For every period of a series it gives the plain direction of travel
// against the previous period (judged at the indicator's displayed
// precision, the change in the unit's own terms: percentage points for a
// percentage), the trend over a set window by a least-squares line, the
// comparison with the same period a year earlier, the statistical process
// control (SPC) judgement, and, for a proportion with its denominator, how
// many children would change the rating.
//
// The SPC method is the NHS "Making Data Count" XmR (individuals) chart,
// as NHSRplotthedots computes it. The centre line is the mean of a
// baseline (all points by default; at least MinBaseline, 13, are needed).
// The process limits are the mean ± 2.66 × the mean moving range, where a
// moving range is the difference between two consecutive periods; no
// moving range is taken across a missing period or a figure withheld
// behind a status code, and moving ranges at or above 3.267 × the mean of
// the baseline's are screened out of the mean moving range, as
// NHSRplotthedots does by default, so one spike does not widen the limits
// enough to hide special causes. The rules run on the raw figures, in order, a gap
// skipped rather than ending a run or trend. A point is special cause when
//
//   - it falls outside a process limit;
//   - it is one of 7 or more figures each higher (or each lower) than the
//     one before (an equal figure ends the trend);
//   - it is one of 2 of 3 figures in a row beyond two-thirds of the way
//     from the mean to a limit (beyond the limit counts), all three on the
//     same side of the mean;
//   - it is one of a run of 7 or more figures on the same side of the mean
//     (a figure exactly on the mean ends the run).
//
// Everything else is common-cause variation. Special cause is improving or
// concerning by the indicator's polarity, improving when rules say both;
// an activity indicator has none. Assurance compares the target with the
// limits: when both limits are on the good side of the target the process
// will consistently meet it, when both are on the bad side it will
// consistently miss it, otherwise it will hit and miss.
package trend

// Guidance explains the direction-of-travel, trend and SPC method in plain
// English, for the guidance sheet of an exported workbook.
const Guidance = `How direction of travel, trend and signals are worked out

Direction of travel (DoT) compares each figure with the one for the period before, at the precision the scorecard shows: two figures that display the same are "same", so the arrow does not flip on a change nobody can see. Whether a move is "improved" or "worsened" depends on the indicator's polarity (higher or lower is better). The size of the change is given in the figure's own unit: for a percentage, in percentage points (pp), which is not the same as a percentage change. The relative change is also given, as a percentage of the previous figure.

The trend looks at the last 12 periods; for each indicator the officer can choose 3, 6, 12 or 24, or every period since a given one. A straight line is fitted through them by least squares (at least half of them must have figures); the trend is improving or worsening when the line moves by more than 5% of the average level across those periods, and "no clear trend" otherwise. Each figure is also compared with the same period a year earlier.

Signals use the NHS "Making Data Count" method: a statistical process control (XmR) chart. The centre line is the average of the figures (at least 13 are needed; with fewer the chart says "too few points"). The process limits are set 2.66 times the average change from one period's figure to the next (the moving range) above and below the centre line; nearly all figures of a stable process fall between them. A figure is a "special cause" signal when:
- it falls outside the process limits;
- it is one of 7 or more figures in a row each higher, or each lower, than the one before (an equal figure breaks the trend);
- it is one of 2 out of 3 figures in a row close to a process limit (more than two-thirds of the way from the average to the limit, or beyond it), with all three on the same side of the average;
- it is one of 7 or more figures in a row above the average, or in a row below it (a figure exactly on the average breaks the run).
These rules use the figures as recorded, not as rounded for display. Any other movement is "common cause" variation: the normal ups and downs of the process, which need no explanation. A special cause is "improving" (blue) or "concerning" (orange) according to the polarity; when one rule finds a figure improving and another concerning, it is shown as improving, as the Making Data Count tools do. For an activity indicator with no polarity it is shown as high or low (purple). A missing or suppressed figure is never treated as zero: no change from one period to the next is taken across it, and the runs and trends carry on past it, as if the period were not plotted.

The officer can choose the baseline the average and limits come from (say, from April 2024), and can start a new chart ("rebase") where the process changed, such as a new service model: the new chart's average and limits come from its own figures, and no run or trend crosses the change. These choices and their notes are shown on the chart.

Assurance compares the target with the process limits. When both limits are on the right side of the target, the process will consistently meet it; when both are on the wrong side, it will consistently miss it unless something changes; when the target lies between the limits, it will hit and miss at random.

Small numbers: for a percentage with its numerator and denominator, the scorecard says how many more or fewer children counted in the numerator (out of the same number of children) would change the RAG rating, and how many percentage points one child is worth. When one or two children would change the rating, the figure is flagged. The 95% confidence interval (Wilson method) shows the range within which the underlying rate plausibly lies.`
