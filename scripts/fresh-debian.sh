#!/usr/bin/env bash
# Proves the README's promise that `make test` and `make run` do all set-up
# on a fresh Debian 12 machine with nothing installed by hand, not even Go.
#
# It builds a minimal Debian 12 root with debootstrap (minbase: apt, but no
# make, git, ca-certificates, sudo or Go), clones this repository's
# committed HEAD into it with ../shared beside it, installs only what the
# README tells a person to install first (make), and then, inside chroot,
# with a PATH that has no Go:
#   1. make run         (setup.sh installs the build packages, Xvfb and Go
#                        1.26; no display, so the window runs under
#                        xvfb-run; stopped 20 s after it starts)
#   2. ./scorecard list (the window loaded the demo into the default store)
#   3. make test        (installs the test packages; gofmt, vet, tests,
#                        the cgo build)
# Each line of output is prefixed with the seconds since the stage began.
# /proc, /sys and /dev are bind-mounted for the chroot and always unmounted
# on exit, failure included.
#
# Not part of CI: it needs root, debootstrap (apt-get install debootstrap),
# Debian's mirror and the Go module proxy, about 3 GB of disk and, on two
# cores, the better part of an hour.
#
# Usage (as root): scripts/fresh-debian.sh [ROOT]   (default /tmp/fresh-root)
# ROOT is deleted and made afresh. The debootstrapped base is kept as
# ROOT-bookworm.tar, so a rerun skips the download; delete it to redo it.
# SHARED (default ../shared beside this repository) is copied beside the
# clone, as CI has it.
set -euo pipefail

# All in main, so bash has read the whole script before it runs any of it
# and an edit to this file during a run cannot change the run.
main() {
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/tmp/fresh-root}
base=$root-bookworm.tar
shared=${SHARED:-$repo/../shared}
mirror=http://deb.debian.org/debian

[ "$(id -u)" -eq 0 ] || { echo "fresh-debian.sh: run as root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "fresh-debian.sh: apt-get install debootstrap" >&2; exit 1; }

cleanup() {
  # Processes still inside the root (a build whose make was stopped leaves
  # its compilers running) keep the mounts busy: stop them by pid first.
  local d pids=()
  for d in /proc/[0-9]*; do
    [ "$(readlink "$d/root" 2>/dev/null)" = "$root" ] && pids+=("${d#/proc/}")
  done
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    sleep 2
    kill -KILL "${pids[@]}" 2>/dev/null || true
    sleep 1
  fi
  for m in dev sys proc; do
    mountpoint -q "$root/$m" && umount -R "$root/$m" || true
  done
  if grep -q " $root/" /proc/mounts; then
    echo "fresh-debian.sh: mounts left under $root:" >&2
    grep " $root/" /proc/mounts >&2
  fi
}
trap cleanup EXIT

# stage NAME CMD...: runs CMD, prefixing each line with the seconds since
# the stage began, and reports how long the stage took.
stage() {
  local name=$1; shift
  echo "=== $name"
  local start=$SECONDS rc=0
  "$@" 2>&1 | while IFS= read -r line; do
    printf '[%4ds] %s\n' $((SECONDS - start)) "$line"
  done || rc=$?
  echo "=== $name: $((SECONDS - start)) s, exit $rc"
  timings+=("$(printf '%-28s %5d s  exit %d' "$name" $((SECONDS - start)) "$rc")")
  return "$rc"
}
timings=()
summary() {
  echo "=== timings"
  printf '%s\n' "${timings[@]}"
}

# A chroot with a clean environment: root's HOME, a locale-less C.UTF-8,
# and Debian's default PATH, so no Go is on it.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "$1"
}

if [ -d "$root" ]; then
  cleanup
  # Never delete through a bind mount of the host's /dev or /sys.
  if grep -q " $root/" /proc/mounts; then
    echo "fresh-debian.sh: $root still has mounts; not deleting it" >&2
    exit 1
  fi
  # Deleting a used root takes minutes on a slow disk: move it aside and
  # delete it while the new one is made.
  mv "$root" "$root.old.$$"
  rm -rf --one-file-system "$root.old.$$" &
fi
mkdir -p "$root"
if [ -f "$base" ]; then
  stage "unpack $base" tar -C "$root" -xf "$base"
else
  stage debootstrap debootstrap --variant=minbase bookworm "$root" "$mirror"
  tar -C "$root" -cf "$base" .
fi

# The sources a Debian 12 installer writes: the release, its updates and
# security updates.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $mirror-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Where the network reaches the registries through a proxy with its own CA,
# the machine trusts it as a local certificate; the chroot must too, and
# ca-certificates adds it to the bundle when setup.sh installs that.
mkdir -p "$root/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"

git clone -q "$repo" "$root/root/scorecard"
[ -d "$shared" ] && cp -r "$shared" "$root/root/shared"

in_root 'command -v go make git sudo; ls /etc/ssl/certs 2>/dev/null | wc -l' || true

# What the README asks a person to run first, as root.
stage "apt-get install make" in_root 'apt-get update -qq && apt-get install -y -qq make >/dev/null'

# What `make run` does from nothing: no display in the chroot, so it
# installs Xvfb and runs the window under xvfb-run. Once the window's
# process has run for 20 s it is stopped, by its pid; on first launch it
# loads the demo into the default store, which `scorecard list` then reads.
cat >"$root/tmp/make-run.sh" <<'EOF2'
cd /root/scorecard
make run & make_pid=$!
# minbase has no ps: a process's parent is the 4th field of its stat, the
# 2nd after the command name in parentheses.
descendants() {
  local d s p
  for d in /proc/[0-9]*; do
    s=$(cat "$d/stat" 2>/dev/null) || continue
    s=${s##*) }
    p=${s#* }
    [ "${p%% *}" = "$1" ] && { echo "${d#/proc/}"; descendants "${d#/proc/}"; }
  done
}
app=""
while kill -0 "$make_pid" 2>/dev/null && [ -z "$app" ]; do
  sleep 3
  for p in $(descendants "$make_pid"); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = scorecard ] && app=$p
  done
done
[ -n "$app" ] || { wait "$make_pid"; echo "make run ended (exit $?) before the window started"; exit 1; }
echo "window process $app started; stopping it in 20 s"
sleep 20
kill -0 "$app" 2>/dev/null || { wait "$make_pid"; echo "the window exited by itself: make run exit $?"; exit 1; }
kill -INT "$app"
for i in $(seq 10); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
kill -0 "$app" 2>/dev/null && kill -KILL "$app"
wait "$make_pid"
echo "make run: exit $? after the window was stopped"
EOF2

# Every stage runs even when one before it failed, so one run shows every
# failure. make run comes first, so it is what meets the bare machine.
failed=0
stage "make run (window 20 s)" in_root 'bash /tmp/make-run.sh' || failed=1
stage "scorecard list" in_root 'cd /root/scorecard && ./scorecard list >/tmp/list.txt; rc=$?; head -5 /tmp/list.txt; echo "$(wc -l </tmp/list.txt) lines"; [ $rc -eq 0 ] && [ -s /tmp/list.txt ]' || failed=1
stage "make test" in_root 'cd /root/scorecard && make test' || failed=1
summary
exit $failed
}

main "$@"
