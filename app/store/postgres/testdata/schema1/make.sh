#!/usr/bin/env bash
# make.sh writes schema1.jsonl.gz beside itself with the Scorecard at COMMIT
# (default: the last one writing schema 1 team stores, a row per figure):
# it exports that tree, adds gen_test.go to its postgres package and runs
# TestGenSchema1 there against a private cluster (scripts/postgres.sh). The
# migration test (migrate_test.go) reads it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=${COMMIT:-f0720ad}
export PATH="/usr/local/go/bin:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$tmp"
cp "$here/gen_test.go" "$tmp/app/store/postgres/zz_gen_schema1_test.go"
(cd "$tmp" && SCHEMA1_OUT="$here" scripts/postgres.sh run -- go test -tags ci -count=1 -run '^TestGenSchema1$' ./app/store/postgres/)
echo "wrote $here/schema1.jsonl.gz from $commit"
