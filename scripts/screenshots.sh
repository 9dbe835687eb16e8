#!/usr/bin/env bash
# Screenshots of the real Scorecard window on each main screen, taken under
# Xvfb at a small laptop's 1024x700 and a monitor's 1920x1080, written to
# screenshots/SCREEN-WxH.png so anyone can regenerate and look at them.
# `make screenshots` builds ./scorecard first.
#
#   SCORECARD  the binary to run (default ./scorecard)
#   OUT        where the PNGs go (default screenshots)
#   SETTLE     seconds to let the window draw before the shot (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SCORECARD:-./scorecard}
out=${OUT:-screenshots}
settle=${SETTLE:-5}
for tool in xvfb-run import convert; do
	command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb imagemagick)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "screenshots: $bin is not built (make build)" >&2; exit 1; }

work=$(mktemp -d /tmp/screenshots.XXXX)
trap 'rm -rf "$work"' EXIT
db=$work/scorecard.db
mkdir -p "$out"
# A home of its own, as an officer's would be: Documents holding a month's
# workbook for the file chooser to open on, and Fyne's preferences (the
# chooser's last folder) fresh each run, so the shots do not depend on
# whoever ran them before.
export HOME=$work/home
mkdir -p "$HOME/Documents"
cp assets/demo.xlsx "$HOME/Documents/CYPE Scorecard Oct-26.xlsx"
"$bin" --db "$db" demo >/dev/null

# shot NAME SIZE [ENV=VALUE...] -- ARGS...: opens the window at SIZE
# (WxH) with ARGS on a fresh X server, waits for it to draw, and
# photographs the window as NAME-SIZE.png. The screen is wider than the
# window and twice as tall, so that Xvfb's pointer, which starts in the
# middle of the screen, rests below the window and no row shows hovered.
shot() {
	local name=$1 size=$2
	shift 2
	local envs=(SCORECARD_WINDOW_SIZE="$size")
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	local w=${size%x*} h=${size#*x}
	local png=$out/$name-$size.png
	env "${envs[@]}" xvfb-run -a -s "-screen 0 $((w + 200))x$((2 * h + 200))x24" bash -c '
		out=$1 settle=$2; shift 2
		"$@" & pid=$!
		sleep "$settle"
		import -window root "$out"
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	' shot "$png" "$settle" "$bin" --db "$db" "$@"
	# The window is what is left when the black screen around it is
	# trimmed; a black border first makes black the colour trimmed.
	convert "$png" -bordercolor black -border 1 -trim +repage "$png"
	echo "$png"
}

for size in 1024x700 1920x1080; do
	for screen in scorecard detail districts import history export; do
		shot "$screen" "$size" FYNE_THEME=dark -- --screen "$screen"
	done
	shot scorecard-light "$size" FYNE_THEME=light -- --screen scorecard
	# The first launch's question: whose figures the store holds.
	shot authority "$size" FYNE_THEME=light -- --screen authority
done
