#!/usr/bin/env bash
# scorecard.exe for Windows desktops, cross-compiled on Debian 12 with
# mingw-w64, and its smoke test under Wine and Xvfb.
#
#   scripts/windows.sh build   scorecard.exe (GUI subsystem, icon and
#                              version info from FyneApp.toml)
#   scripts/windows.sh smoke   runs scorecard.exe under Wine: the CLI
#                              (import, list, export, demo, errors, output
#                              and exit status at a prompt's console),
#                              the window's first frame, saved to
#                              screenshots/windows.png, and the system's
#                              Open and Save dialogs (File > Import, the
#                              export's Choose...), each found by its
#                              Windows class, saved to
#                              screenshots/windows-open-dialog.png and
#                              windows-save-dialog.png, and closed with
#                              Escape
#
# The packages come from scripts/setup.sh windows (make windows runs it).
# The smoke test uses a private Wine prefix in a temporary folder, never
# ~/.wine; set SCORECARD_WINEPREFIX to keep one between runs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="/usr/local/go/bin:$PATH"

exe=scorecard.exe
# go-winres writes the .syso resource object that go build links into a
# Windows binary found beside the main package's sources.
winres=github.com/tc-hib/go-winres@v0.3.3
syso=rsrc_windows_amd64.syso

die() { echo "windows.sh: $*" >&2; exit 1; }

# toml_detail prints one key's value from FyneApp.toml's [Details] table.
toml_detail() {
  sed -n '/^\[Details\]/,/^\[/p' FyneApp.toml |
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" | head -1
}

build() {
  command -v x86_64-w64-mingw32-gcc >/dev/null || die "no mingw-w64: run scripts/setup.sh windows"
  local name id version build icon
  name=$(toml_detail Name) id=$(toml_detail ID) version=$(toml_detail Version)
  build=$(toml_detail Build) icon=$(toml_detail Icon)
  [ -n "$name" ] && [ -n "$version" ] || die "FyneApp.toml: no Name or Version in [Details]"
  # Windows versions have four parts: Fyne's version then its build number.
  local winver="$version.${build:-0}"

  # The .syso is made afresh each build from FyneApp.toml and the icon, and
  # removed afterwards, so it never goes stale and is never committed. It
  # only affects GOOS=windows builds.
  trap 'rm -f "$root/$syso"; rm -rf "$res"' EXIT
  res=$(mktemp -d)
  # The icon group is named GLFW_ICON because GLFW, under Fyne, gives the
  # window's title bar and taskbar button the icon of that name; Explorer
  # shows the exe's first icon group, which is this one.
  local icons='{}'
  if [ -n "$icon" ] && [ -f "$icon" ]; then
    # go-winres reads paths relative to its JSON file, absolute ones too.
    cp "$icon" "$res/icon.png"
    icons='{"GLFW_ICON": {"0000": "icon.png"}}'
  else
    echo "windows.sh: warning: icon ${icon:-(none)} not found; building without an icon" >&2
  fi
  cat >"$res/winres.json" <<JSON
{
  "RT_GROUP_ICON": $icons,
  "RT_MANIFEST": {"#1": {"0409": {
    "description": "$name", "minimum-os": "win7",
    "dpi-awareness": "per monitor v2", "use-common-controls-v6": true}}},
  "RT_VERSION": {"#1": {"0000": {
    "fixed": {"file_version": "$winver", "product_version": "$winver"},
    "info": {"0409": {
      "ProductName": "$name", "FileDescription": "$name",
      "InternalName": "$id", "OriginalFilename": "$exe",
      "CompanyName": "Kent County Council",
      "ProductVersion": "$version (build ${build:-0})", "FileVersion": "$winver"}}}}}
}
JSON
  GOOS= GOARCH= CGO_ENABLED=0 go run "$winres" make --in "$res/winres.json" --arch amd64 --out rsrc
  [ -f "$syso" ] || die "go-winres made no $syso"

  local start=$SECONDS
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    go build -ldflags "-H=windowsgui -s -w" -o "$exe" .
  rm -f "$syso"
  echo "windows.sh: built $exe ($(du -h "$exe" | cut -f1), version $winver) in $((SECONDS - start))s"
}

# --- smoke test -----------------------------------------------------------

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# scorecard runs the exe under Wine with its output in $work/out and
# $work/err, and sets rc to its exit status.
# scorecard.exe always says something, on stdout or stderr, whatever its
# exit status: a nonzero status with nothing written is Wine failing to
# run it at all (seen on the first run in a fresh prefix: status 1, no
# output), not the program's verdict, so that one case is tried again,
# once, and said, as probe_run does for conprobe.
scorecard() {
  local try
  for try in 1 2; do
    set +e
    wine "$root/$exe" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    set -e
    if [ "$rc" -eq 0 ] || [ -s "$work/out" ] || [ -s "$work/err" ]; then
      return
    fi
    echo "  (Wine did not run scorecard.exe, status $rc and no output: trying it again)"
  done
}

# expect checks the last command's exit status and that its stdout (or
# stderr, for a nonzero status) matches a pattern.
expect() {
  local what=$1 want_rc=$2 pattern=$3 stream=$work/out
  [ "$want_rc" -ne 0 ] && stream=$work/err
  if [ "$rc" -ne "$want_rc" ]; then
    bad "$what: exit $rc, want $want_rc; stderr: $(head -c 400 "$work/err")"
  elif ! grep -Eq -- "$pattern" "$stream"; then
    bad "$what: output does not match /$pattern/: $(head -c 400 "$stream")"
  else
    ok "$what (exit $rc): $(grep -Em1 -- "$pattern" "$stream" | head -c 100)"
  fi
}

# winpath turns a path under the prefix's drive_c into the C:\ form the
# Windows program sees.
winpath() { local p=${1#"$WINEPREFIX/drive_c/"}; printf 'C:\\%s' "${p//\//\\}"; }

smoke() {
  command -v wine >/dev/null || die "no wine: run scripts/setup.sh windows"
  [ -f "$exe" ] || build
  [ -f assets/demo.xlsx ] || die "no assets/demo.xlsx to import"

  work=$(mktemp -d /tmp/scorecard-wine.XXXXXX)
  # Globals, not locals: the EXIT trap runs after smoke has returned.
  xvfb_pid="" gui_pid=""
  cleanup() {
    set +e # clean up all of it, whatever has already gone
    [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
    wineserver -k 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
  }
  trap cleanup EXIT

  export WINEPREFIX=${SCORECARD_WINEPREFIX:-$work/prefix} WINEARCH=win64 WINEDEBUG=-all
  # No Mono or Gecko install prompts: the app needs neither.
  export WINEDLLOVERRIDES="mscoree,mshtml="
  # Wine reads the command line in the locale's encoding: UTF-8, so that
  # non-ASCII paths reach the program intact.
  export LC_ALL=C.UTF-8

  # A display of our own, also for the CLI: Wine wants one at start-up.
  Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp 5>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
  [ -s "$work/display" ] || die "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=:$(cat "$work/display")

  local start=$SECONDS
  wineboot -i >"$work/wineboot.log" 2>&1 || die "wineboot failed: $(tail -3 "$work/wineboot.log")"
  # Go 1.22+ programs need bcryptprimitives.dll's ProcessPrng, which
  # Debian's Wine 8 lacks: build the stand-in and put it in system32.
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -nostartfiles -Wl,--entry=DllMain \
    -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    build/windows/bcryptprimitives/bcryptprimitives.c \
    build/windows/bcryptprimitives/bcryptprimitives.def -ladvapi32
  echo "windows.sh: Wine prefix $WINEPREFIX ready in $((SECONDS - start))s ($(wine --version))"

  local user home docs folder db appdata
  user=$(id -un)
  home=$WINEPREFIX/drive_c/users/$user
  # Wine links Documents, Desktop and the like to the Unix home folder:
  # make them real folders so nothing the test writes leaves the prefix.
  local link
  for link in "$home"/*; do
    if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
  done
  docs=$home/Documents
  appdata=$home/AppData/Roaming
  # A folder with a space and non-ASCII letters, as French or Welsh
  # Windows and real users' folder names have.
  folder="$docs/Données et rapports"
  mkdir -p "$folder"
  cp assets/demo.xlsx "$folder/démo scorecard – avril.xlsx"
  db="$(winpath "$folder")\\score card.db"
  local xlsx
  xlsx="$(winpath "$folder")\\démo scorecard – avril.xlsx"

  scorecard help
  expect "help" 0 'import'
  local have_export=""
  grep -Eq '^[[:space:]]+export[[:space:]]' "$work/out" && have_export=1

  # A fresh store, so the import really adds to it.
  scorecard --db "$db" import "$xlsx"
  expect "import \"$xlsx\"" 0 'démo scorecard.*imported as'
  [ -f "$folder/score card.db" ] && ok "store created at $folder/score card.db" ||
    bad "no store at $folder/score card.db"

  scorecard --db "$db" list
  expect "list" 0 '[A-Z]+[0-9]+'
  echo "     list printed $(wc -l <"$work/out") lines"

  if [ -n "$have_export" ]; then
    local out="$(winpath "$folder")\\révisé sans UASC.xlsx"
    scorecard --db "$db" export --out "$out" --exclude uasc
    expect "export --out \"$out\"" 0 'xlsx'
    if [ "$(head -c 2 "$folder/révisé sans UASC.xlsx" 2>/dev/null)" = PK ]; then
      ok "exported workbook is a zip ($(stat -c %s "$folder/révisé sans UASC.xlsx") bytes)"
    else
      bad "no workbook at $folder/révisé sans UASC.xlsx"
    fi
  else
    echo "skip export: scorecard.exe help does not list it yet"
  fi

  scorecard --db "$db" import "$(winpath "$folder")\\absent.xlsx"
  expect "import of a missing file" 1 'absent\.xlsx'
  scorecard --db "$db" frobnicate
  expect "unknown command" 2 'unknown command'

  # The default store is the per-user folder, %AppData%\Scorecard.
  scorecard demo
  expect "demo with the default store" 0 '[0-9]'
  [ -f "$appdata/Scorecard/scorecard.db" ] && ok "default store at %AppData%\\Scorecard\\scorecard.db" ||
    bad "no store at $appdata/Scorecard/scorecard.db"

  # From an interactive Command Prompt: Windows gives a windowed program
  # no console and no handles, and Wine does not, so conprobe starts the
  # exe as Windows would and reads back what reached its console.
  local probe=$work/conprobe.exe
  x86_64-w64-mingw32-gcc -municode -O2 -Wall -o "$probe" build/windows/conprobe/conprobe.c
  # conprobe itself only ever exits 0 or 125, having written at least its
  # exit= line; a status besides those with nothing written is Wine failing
  # to run the probe at all (seen once in many runs: status 1, no output),
  # not a verdict on scorecard.exe, so that one case is tried again, once,
  # and said.
  probe_run() {
    local try
    for try in 1 2; do
      set +e
      wine "$probe" "$(winpath "$WINEPREFIX/drive_c/scorecard.exe")" "$@" >"$work/out" 2>"$work/err"
      rc=$?
      set -e
      if [ "$rc" -eq 0 ] || [ "$rc" -eq 125 ] || [ -s "$work/out" ] || [ -s "$work/err" ]; then
        return
      fi
      echo "  (Wine did not run conprobe, status $rc and no output: trying it again)"
    done
  }
  cp "$exe" "$WINEPREFIX/drive_c/scorecard.exe"
  probe_run --db "$db" list
  if [ "$rc" -eq 0 ] && grep -Eq '[A-Z]+[0-9]+' "$work/out" && grep -qx 'exit=0' "$work/out"; then
    ok "console of a prompt: list printed $(grep -vc '^exit=' "$work/out") lines there, exit=0"
  else
    bad "console of a prompt, list: rc $rc: $(head -c 300 "$work/out") $(head -c 300 "$work/err")"
  fi
  probe_run --db "$db" import "$(winpath "$folder")\\absent.xlsx"
  if [ "$rc" -eq 0 ] && grep -q 'absent\.xlsx' "$work/out" && grep -qx 'exit=1' "$work/out"; then
    ok "console of a prompt: failed import said $(grep -m1 absent "$work/out" | head -c 80), exit=1"
  else
    bad "console of a prompt, failed import: rc $rc: $(head -c 300 "$work/out") $(head -c 300 "$work/err")"
  fi

  # The window: start it, wait for its first frame, take a screenshot.
  mkdir -p screenshots
  wine "$root/$exe" --db "$db" >"$work/gui.log" 2>&1 &
  gui_pid=$!
  # Blank or a lone flat colour has a handful of colours; the scorecard's
  # text, RAG cells and sparklines have hundreds. The screen is black
  # around the window, and trimming that leaves the window alone.
  local shot=screenshots/windows.png colours=0
  for _ in $(seq 60); do
    sleep 2
    kill -0 "$gui_pid" 2>/dev/null || break
    import -window root "$work/screen.png"
    colours=$(convert "$work/screen.png" -format '%k' info:)
    if [ "$colours" -gt 64 ]; then
      sleep 3 # the first frame is up; let the rest draw
      import -window root "$work/screen.png"
      convert "$work/screen.png" -trim +repage "$shot"
      colours=$(convert "$shot" -format '%k' info:)
      break
    fi
  done
  if ! kill -0 "$gui_pid" 2>/dev/null; then
    bad "the window exited early: $(tail -c 400 "$work/gui.log")"
  elif [ "$colours" -gt 64 ]; then
    ok "window drawn: $shot, $(identify -format '%wx%h' "$shot"), $colours colours"
  else
    bad "the window did not draw ($colours colours on the screen): $(tail -c 400 "$work/gui.log")"
  fi

  # The system's Open and Save dialogs (#20): a window of its own each
  # time, as the store admits one window at a time.
  dlgprobe=$work/dlgprobe.exe
  x86_64-w64-mingw32-gcc -municode -O2 -Wall -o "$dlgprobe" build/windows/dlgprobe/dlgprobe.c
  stop_gui
  # --screen import opens File > Import's chooser at once.
  wine "$root/$exe" --db "$db" --screen import >"$work/gui.log" 2>&1 &
  gui_pid=$!
  native_dialog "Open" "Import a scorecard workbook" screenshots/windows-open-dialog.png
  stop_gui
  # --screen export opens the export dialog; the keyboard then does what
  # an officer would: Shift+Tab from the last button (Export, Cancel,
  # Copy exceptions brief, Save as PDF) back to Choose..., and Space.
  wine "$root/$exe" --db "$db" --screen export >"$work/gui.log" 2>&1 &
  gui_pid=$!
  local win
  win=$(gui_window)
  if [ -z "$win" ]; then
    bad "the Save dialog: the window did not open: $(tail -c 400 "$work/gui.log")"
  else
    sleep 5 # the export dialog draws over the first frame
    # A click on the shaded status bar gives the window the keyboard;
    # the export dialog is modal, so the click does nothing else.
    eval "$(xdotool getwindowgeometry --shell "$win")"
    xdotool mousemove --window "$win" $((WIDTH / 2)) $((HEIGHT - 8)) click 1
    sleep 0.5
    local i
    for i in 1 2 3 4 5; do xdotool key shift+Tab; sleep 0.3; done
    xdotool key space
    native_dialog "Save" "Export the scorecard" screenshots/windows-save-dialog.png
  fi

  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

# stop_gui ends the window started last and waits for it, so the next
# can open the store.
stop_gui() {
  [ -n "$gui_pid" ] || return 0
  kill "$gui_pid" 2>/dev/null || true
  wait "$gui_pid" 2>/dev/null || true
  gui_pid=""
}

# gui_window prints the X window id of the window at $gui_pid, titled
# "Scorecard: AUTHORITY", once it is on the screen; nothing if it is not
# within a minute.
gui_window() {
  local try win
  for try in $(seq 60); do
    win=$(xdotool search --onlyvisible --name '^Scorecard' 2>/dev/null | head -1) || true
    if [ -n "$win" ]; then
      echo "$win"
      return
    fi
    kill -0 "$gui_pid" 2>/dev/null || return 0
    sleep 1
  done
}

# native_dialog checks that the window at $gui_pid shows the system's
# common file dialog titled with $2 (the Open or Save dialog, $1):
# dlgprobe finds it by its Windows class, #32770, with its file name box
# and folder list, which a dialog Fyne drew would not have. It saves a
# screenshot of it to $3, closes it with Escape and checks that it has
# gone and the window is still running.
native_dialog() {
  local kind=$1 title=$2 shot=$3
  set +e
  wine "$dlgprobe" "$title" 60 >"$work/probe" 2>&1
  rc=$?
  set -e
  if [ "$rc" -ne 0 ] || ! grep -q 'class=#32770 .*combo=Y list=Y' "$work/probe"; then
    bad "the $kind dialog did not open: $(head -c 300 "$work/probe"); window: $(tail -c 300 "$work/gui.log")"
    return
  fi
  local dlg
  dlg=$(xdotool search --onlyvisible --name "^$title" | head -1) || true
  if [ -z "$dlg" ]; then
    bad "the $kind dialog: no X window titled $title"
    return
  fi
  # Xvfb has no window manager, so the dialog may be under the window
  # that opened it, which may show after it: once that has drawn, the
  # dialog is raised over it.
  if [ -z "$(gui_window)" ]; then
    bad "the $kind dialog: the window that opened it is not on the screen: $(tail -c 300 "$work/gui.log")"
    return
  fi
  sleep 2
  xdotool windowraise "$dlg"
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$dlg")"
  import -window root "$work/screen.png"
  convert "$work/screen.png" -crop "${WIDTH}x${HEIGHT}+$X+$Y" +repage "$shot"
  local colours
  colours=$(convert "$shot" -format '%k' info:)
  if [ "$colours" -gt 16 ]; then
    ok "the Windows $kind dialog: $(sed 's/^found //' "$work/probe" | head -c 120); $shot, ${WIDTH}x$HEIGHT"
  else
    bad "the $kind dialog did not draw ($colours colours in $shot)"
  fi
  # A click in the folder list (on no file) gives the dialog the keyboard.
  xdotool mousemove --window "$dlg" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
  sleep 0.5
  xdotool key Escape
  # It goes in a moment, not at once.
  local try
  for try in $(seq 10); do
    sleep 0.5
    set +e
    wine "$dlgprobe" "$title" 0 >"$work/probe" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then break; fi
  done
  if [ "$rc" -eq 0 ]; then
    bad "Escape did not close the $kind dialog"
  elif ! kill -0 "$gui_pid" 2>/dev/null; then
    bad "the window exited when the $kind dialog was cancelled: $(tail -c 400 "$work/gui.log")"
  else
    ok "Escape closed the $kind dialog; the window carries on"
  fi
}

case "${1:-}" in
  build) build ;;
  smoke) smoke ;;
  *) echo "usage: scripts/windows.sh build|smoke" >&2; exit 2 ;;
esac
