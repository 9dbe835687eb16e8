#!/usr/bin/env bash
# make.sh writes schema1.db.gz and schema1.load.txt.gz beside itself with the
# Scorecard at COMMIT (default: the last one writing schema 1 stores): it
# exports that tree, adds gen_test.go and today's story_test.go and dump_test.go to its store
# package and runs TestGenSchema1 there. The migration tests read both.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=${COMMIT:-07c7cb7}
export PATH="/usr/local/go/bin:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$tmp"
cp "$here/gen_test.go" "$tmp/app/store/zz_gen_schema1_test.go"
cp "$repo/app/store/dump_test.go" "$tmp/app/store/zz_dump_test.go"
cp "$repo/app/store/story_test.go" "$tmp/app/store/zz_story_test.go"
(cd "$tmp" && SCHEMA1_OUT="$here" go test -tags ci -count=1 -run '^TestGenSchema1$' ./app/store/)
echo "wrote $here/schema1.db.gz and schema1.load.txt.gz from $commit"
