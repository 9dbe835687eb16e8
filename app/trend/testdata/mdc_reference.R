# An independent reference for trend's SPC rules: the Making Data Count
# rules as NHSRplotthedots (github.com/nhs-r-community/NHSRplotthedots,
# release 0.2.0) writes them in R/ptd_spc_standard.R and
# R/ptd_calculate_point_type.R, in base R so that it needs only
# r-base-core. Where trend deviates from NHSRplotthedots on purpose (see
# README, "How figures are judged"), this script follows trend and says so.
#
# Usage: Rscript mdc_reference.R IN.csv OUT.csv
# IN.csv has columns series, polarity (1 higher is better, -1 lower is
# better, 0 none) and y, one row per point in order. OUT.csv has series,
# i (from 1), mean, upl, lpl and icon: common-cause, improvement-high,
# improvement-low, concern-high, concern-low, neither-high, neither-low.

args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[[1]], stringsAsFactors = FALSE)

limit <- 2.66
limitclose <- 2 * (limit / 3)

# ptd_seven_point_one_side_mean: 1 where this point and the 6 before are
# all on the same side of the mean.
seven_one_side <- function(v) {
  vp <- c(rep(0, 6), v)
  vapply(seq_along(v) + 6, function(i) {
    as.numeric(all(vp[[i]] == vp[i - 1:6]) & vp[[i]] != 0)
  }, numeric(1))
}

# ptd_part_of_seven_trend: this point, or one of the 6 after it, ends a
# run of 7.
part_of_seven <- function(v) {
  vp <- c(v, rep(0, 6))
  vapply(seq_along(v), function(i) as.numeric(any(abs(vp[i + 0:6]) == 1)), numeric(1))
}

# ptd_seven_point_trend: 1 (or -1) where this point and the 6 before rise
# (or fall) at every step; an equal step breaks it.
seven_trend <- function(y) {
  if (length(y) < 7) return(numeric(length(y)))
  c(rep(0, 6), vapply(seq_along(y)[-(1:6)], function(i) {
    d <- sign(diff(y[i - 0:6])) * -1
    if (all(d == 1)) return(1)
    if (all(d == -1)) return(-1)
    0
  }, numeric(1)))
}

# ptd_two_in_three: some window of 3 holding this point has 2 or more
# close to a limit and all 3 on one side of the mean.
two_in_three <- function(v, rtm) {
  vp <- c(0, 0, v, 0, 0)
  rtmp <- c(0, 0, rtm, 0, 0)
  vapply(seq_along(v), function(i) {
    as.numeric(((sum(vp[i + 0:2]) >= 2) & (abs(sum(rtmp[i + 0:2])) == 3)) ||
      ((sum(vp[i + 1:3]) >= 2) & (abs(sum(rtmp[i + 1:3])) == 3)) ||
      ((sum(vp[i + 2:4]) >= 2) & (abs(sum(rtmp[i + 2:4])) == 3)))
  }, numeric(1))
}

out <- list()
for (s in unique(d$series)) {
  x <- d[d$series == s, ]
  y <- x$y
  pol <- x$polarity[[1]]
  mean_col <- mean(y)
  # ptd_spc_standard with screen_outliers = TRUE, its default: moving
  # ranges at or above 3.267 times their mean are set aside, once, and the
  # mean taken again of those left. Deviation: where that leaves none (a
  # flat series, every range 0), NHSRplotthedots has no limits (NaN), and
  # where it leaves only ranges of 0, limits of no width; trend then keeps
  # the unscreened mean.
  mr <- abs(diff(y))
  amr <- mean(mr)
  kept <- mr[mr < 3.267 * amr]
  if (length(kept) > 0 && mean(kept) > 0) amr <- mean(kept)
  upl <- mean_col + limit * amr
  lpl <- mean_col - limit * amr
  nupl <- mean_col + limitclose * amr
  nlpl <- mean_col - limitclose * amr
  rtm <- sign(y - mean_col)
  outside <- y > upl | y < lpl
  # Deviation: NHSRplotthedots counts only points between two-thirds and
  # the limit (close_to_limits = !outside & ...); Making Data Count's
  # tools, and trend, count a point beyond the limit too.
  close <- as.numeric(y < nlpl | y > nupl)
  tr <- seven_trend(y)
  part_rise <- part_of_seven(as.numeric(tr == 1))
  part_fall <- part_of_seven(as.numeric(tr == -1))
  part_23 <- as.numeric(two_in_three(close, rtm) == 1 & close == 1)
  part_run <- part_of_seven(seven_one_side(rtm))
  high <- (outside & rtm == 1) | part_rise == 1 | (part_23 == 1 & rtm == 1) | (part_run == 1 & rtm == 1)
  low <- (outside & rtm == -1) | part_fall == 1 | (part_23 == 1 & rtm == -1) | (part_run == 1 & rtm == -1)
  # Deviation: NHSRplotthedots names one rule per point in a fixed order
  # (ptd_special_cause_type); Making Data Count, and trend, show
  # improvement when one rule finds a point improving and another
  # concerning. With no polarity, trend shows the stronger rule's side:
  # a limit, then a trend, then 2 of 3, then a run.
  strength <- function(up) {
    r <- rep(5, length(y))
    r[part_run == 1 & rtm == up] <- 4
    r[part_23 == 1 & rtm == up] <- 3
    r[if (up == 1) part_rise == 1 else part_fall == 1] <- 2
    r[outside & rtm == up] <- 1
    r
  }
  sh <- strength(1)
  sl <- strength(-1)
  icon <- character(length(y))
  for (i in seq_along(y)) {
    side <- 0
    if (high[[i]] && low[[i]]) {
      side <- if (pol != 0) pol else if (sl[[i]] < sh[[i]]) -1 else 1
    } else if (high[[i]]) {
      side <- 1
    } else if (low[[i]]) {
      side <- -1
    }
    hl <- if (side > 0) "high" else "low"
    icon[[i]] <- if (side == 0) {
      "common-cause"
    } else if (pol == 0) {
      paste0("neither-", hl)
    } else if (side == pol) {
      paste0("improvement-", hl)
    } else {
      paste0("concern-", hl)
    }
  }
  out[[length(out) + 1]] <- data.frame(series = s, i = seq_along(y), mean = mean_col, upl = upl, lpl = lpl, icon = icon)
}
write.csv(do.call(rbind, out), args[[2]], row.names = FALSE)
