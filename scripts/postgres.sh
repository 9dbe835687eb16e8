#!/usr/bin/env bash
# A private PostgreSQL cluster for the team store's tests: created in a
# temporary folder, listening only on a Unix socket in that folder (no TCP
# port), and removed again when the command it wraps ends.
#
#   scripts/postgres.sh install            installs Debian's postgresql when missing
#   scripts/postgres.sh run -- CMD ARGS... starts the cluster, runs CMD with
#                                          SCORECARD_TEST_POSTGRES set to its DSN,
#                                          then stops and removes the cluster
#
# As root the server runs as the postgres OS user (PostgreSQL refuses to run
# as root); the role the tests use is the calling OS user, signing in with
# a password, who may create databases (each test makes its own) but is not
# a superuser.
set -euo pipefail

cmd=${1:-}
[ $# -gt 0 ] && shift

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi

# bindir finds the server's programs, which Debian keeps off PATH.
bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

install() {
  if bindir >/dev/null && command -v psql >/dev/null; then return 0; fi
  echo "postgres.sh: installing postgresql"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  drop_main
}

# drop_main removes the system cluster Debian's package makes on
# installing, which listens on port 5432; the tests never use it.
drop_main() {
  command -v pg_lsclusters >/dev/null || return 0
  local v
  for v in $(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}'); do
    $sudo pg_dropcluster --stop "$v" main || true
  done
}

run() {
  [ "${1:-}" = "--" ] && shift
  [ $# -gt 0 ] || { echo "usage: scripts/postgres.sh run -- CMD ARGS..." >&2; exit 2; }
  install
  local bin dir as=() me password=scorecard-test
  bin=$(bindir)
  me=$(id -un)
  dir=$(mktemp -d /tmp/scorecard-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    as=(runuser -u postgres --)
  fi
  stop() {
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  }
  trap stop EXIT
  trap 'exit 130' INT TERM
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # The tests' role signs in with a password, so that a wrong one is
  # refused as on a council's server; the postgres role, which only this
  # script uses, is trusted.
  printf 'local all postgres trust\nlocal all all scram-sha-256\n' | "${as[@]}" tee "$dir/data/pg_hba.conf" >/dev/null
  # Tests throw their databases away, so durability is not worth waiting for.
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start || { cat "$dir/server.log" >&2; exit 1; }
  if [ "$me" != postgres ]; then
    psql -q -h "$dir" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE \"$me\" LOGIN CREATEDB PASSWORD '$password'" >/dev/null
  fi
  psql -q -h "$dir" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE scorecard_test OWNER \"$me\"" >/dev/null
  export SCORECARD_TEST_POSTGRES="postgres://$me:$password@/scorecard_test?host=$dir"
  echo "postgres.sh: private cluster on $dir (no TCP port), as role $me; its URL is in SCORECARD_TEST_POSTGRES"
  local rc=0
  "$@" || rc=$?
  exit $rc
}

case "$cmd" in
  install) install ;;
  drop-main) drop_main ;;
  run) run "$@" ;;
  *) echo "usage: scripts/postgres.sh install | run -- CMD ARGS..." >&2; exit 2 ;;
esac
