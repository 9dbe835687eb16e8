#!/usr/bin/env bash
# Screenshots of the real Scorecard window on each main screen, taken under
# Xvfb, written to screenshots/*.png so anyone can regenerate and look at
# them. `make screenshots` builds ./scorecard first.
#
#   SCORECARD  the binary to run (default ./scorecard)
#   OUT        where the PNGs go (default screenshots)
#   SETTLE     seconds to let the window draw before the shot (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SCORECARD:-./scorecard}
out=${OUT:-screenshots}
settle=${SETTLE:-5}
for tool in xvfb-run import; do
	command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb imagemagick)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "screenshots: $bin is not built (make build)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/scorecard.db
mkdir -p "$out"
"$bin" --db "$db" demo >/dev/null

# shot NAME [ENV=VALUE...] -- ARGS...: opens the window with ARGS on a
# fresh X server, waits for it to draw, and photographs the whole screen.
shot() {
	local name=$1
	shift
	local envs=()
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	env "${envs[@]}" xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
		out=$1 settle=$2; shift 2
		"$@" & pid=$!
		sleep "$settle"
		import -window root "$out"
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	' shot "$out/$name.png" "$settle" "$bin" --db "$db" "$@"
	echo "$out/$name.png"
}

for screen in scorecard detail districts import history export; do
	shot "$screen" FYNE_THEME=dark -- --screen "$screen"
done
shot scorecard-light FYNE_THEME=light -- --screen scorecard
