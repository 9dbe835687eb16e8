#!/usr/bin/env bash
# Installs what building and testing Scorecard needs on Debian 12, and
# nothing that is already there: the Debian packages for Fyne's cgo build
# and for the tests that run real tools (Xvfb, LibreOffice, openpyxl,
# xlsxwriter, poppler, and SheetJS under Node.js, whose npm package goes
# into build/sheetjs, R for the SPC reference, PostgreSQL for the team
# store's tests, which scripts/postgres.sh runs in a private cluster), and Go 1.26 when the machine has no Go new enough.
# Usage: scripts/setup.sh [build|test|windows|xvfb]...   (default: build test)
set -euo pipefail

groups=("${@:-build test}")
build_pkgs=(ca-certificates git gcc libc6-dev pkg-config libgl1-mesa-dev libegl-dev libx11-dev libxcursor-dev
  libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev)
test_pkgs=(xvfb xauth imagemagick python3 python3-openpyxl python3-xlsxwriter libreoffice-calc-nogui poppler-utils nodejs r-base-core postgresql)
# xdotool and x11-utils (xwininfo, xprop) drive and find the native file
# dialogs in the Windows smoke test.
windows_pkgs=(gcc-mingw-w64-x86-64 wine wine64 xvfb xauth imagemagick xdotool x11-utils)
xvfb_pkgs=(xvfb xauth)

want=()
for g in ${groups[*]}; do
  case "$g" in
    build) want+=("${build_pkgs[@]}") ;;
    test) want+=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
    windows) want+=("${build_pkgs[@]}" "${windows_pkgs[@]}") ;;
    xvfb) want+=("${xvfb_pkgs[@]}") ;;
    *) echo "setup.sh: unknown group $g (build, test, windows, xvfb)" >&2; exit 2 ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo="sudo" || { echo "setup.sh: run as root or install sudo" >&2; exit 1; }
fi

missing=()
for p in $(printf '%s\n' "${want[@]}" | sort -u); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's postgresql makes a system cluster listening on port 5432;
  # the tests use a private one on a socket (scripts/postgres.sh), so the
  # one just made is removed rather than left running.
  case " ${missing[*]} " in *" postgresql "*) scripts_dir=$(dirname "$0"); "$scripts_dir/postgres.sh" drop-main ;; esac
fi

# SheetJS for importer/xlsx's differential corpus: the npm package xlsx
# 0.18.5 (the last on the npm registry), kept in the repository's
# gitignored build/sheetjs rather than installed system-wide. npm comes
# with some Node.js builds (NodeSource's) and is Debian's own package
# otherwise, which would clash with such a build, so it is installed only
# when the command is missing.
case " ${groups[*]} " in *" test "*)
  if ! command -v npm >/dev/null; then
    echo "setup.sh: installing npm"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  sheetjs="$(cd "$(dirname "$0")/.." && pwd)/build/sheetjs"
  if ! grep -qs '"version": "0.18.5"' "$sheetjs/node_modules/xlsx/package.json"; then
    echo "setup.sh: installing SheetJS (npm xlsx@0.18.5) into build/sheetjs"
    mkdir -p "$sheetjs"
    npm install --prefix "$sheetjs" --no-save --no-audit --no-fund --loglevel=error xlsx@0.18.5 >/dev/null
  fi
  ;;
esac

# Go: the project needs 1.26. A machine with Go 1.21 or later fetches the
# right toolchain itself (go.mod names it); one with none or an older Go
# gets 1.26 from the Go module proxy, where the toolchain is published as
# the module golang.org/toolchain.
export PATH="/usr/local/go/bin:$PATH"
go_ok() {
  command -v go >/dev/null || return 1
  local v; v=$(go env GOVERSION 2>/dev/null | sed 's/^go//') || return 1
  [ "$(printf '%s\n' 1.21 "$v" | sort -V | head -1)" = 1.21 ]
}
if ! go_ok; then
  echo "setup.sh: installing Go 1.26 into /usr/local/go"
  # Debian's Go 1.19 only fetches the toolchain, so it is removed again
  # afterwards: left on PATH it would meet go.mod's "go 1.26.0" and fail.
  bootstrap_pkgs=()
  if ! command -v go >/dev/null; then
    before=$(dpkg-query -W -f='${Package}\n' | sort)
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go >/dev/null
    mapfile -t bootstrap_pkgs < <(comm -13 <(echo "$before") <(dpkg-query -W -f='${Package}\n' | sort))
  fi
  tmp=$(mktemp -d)
  # A module cache of its own, so the user's GOPATH, GOFLAGS and GOPROXY
  # settings (-mod=vendor, say) neither break the download nor keep it.
  (cd "$tmp" && GOFLAGS= GOPATH="$tmp/gopath" GOMODCACHE="$tmp/gopath/pkg/mod" go mod init bootstrap >/dev/null 2>&1 &&
    GOFLAGS=-mod=mod GOPATH="$tmp/gopath" GOMODCACHE="$tmp/gopath/pkg/mod" \
      go mod download golang.org/toolchain@v0.0.1-go1.26.0.linux-amd64)
  src=$(ls -d "$tmp"/gopath/pkg/mod/golang.org/toolchain@*)
  # The module cache keeps files read-only and drops execute bits; the go
  # command restores them on the binaries when it runs a toolchain from
  # there, so a copy must do the same.
  $sudo rm -rf /usr/local/go && $sudo cp -r "$src" /usr/local/go && $sudo chmod -R u+w,a+rX /usr/local/go
  $sudo chmod +x /usr/local/go/bin/* /usr/local/go/pkg/tool/*/*
  chmod -R u+w "$tmp" && rm -rf "$tmp"
  if [ ${#bootstrap_pkgs[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq "${bootstrap_pkgs[@]}" >/dev/null
  fi
  hash -r
  go version
fi
