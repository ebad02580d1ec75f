#!/usr/bin/env bash
# make test: provision MariaDB, Redis and Chromium, check formatting and vet,
# then run every test with the race detector on both engines. The full log
# goes to .cache/test.log; the screen shows results, failures and the engines
# actually exercised.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache

env_lines=$(bash scripts/provision.sh) || { echo "provisioning failed" >&2; exit 1; }
eval "export $(echo "$env_lines" | tr '\n' ' ')"
echo "MariaDB: $(mariadb -h 127.0.0.1 -N -e 'SELECT VERSION()' -u root 2>/dev/null || echo "at $LEGALDESK_TEST_MYSQL_DSN")"
echo "Redis:   $(redis-cli -h 127.0.0.1 INFO server 2>/dev/null | grep redis_version | tr -d '\r')"
echo "Chromium: $(chromium --version 2>/dev/null)"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
[ -z "$unformatted" ] || { echo "gofmt needed: $unformatted" >&2; exit 1; }
go vet ./...

status=0
go test -race -count=1 -v -timeout 20m ./... > .cache/test.log 2>&1 || status=$?
grep -E '^(ok|FAIL|panic:|ENGINE:)|^\s*--- FAIL|^\s+\S+_test\.go:[0-9]+:' .cache/test.log | grep -v '^\s*--- PASS' || true
passed=$(grep -cE '^\s*--- PASS' .cache/test.log || true)
failed=$(grep -cE '^\s*--- FAIL' .cache/test.log || true)
skipped=$(grep -cE '^\s*--- SKIP' .cache/test.log || true)
grep -q '^ENGINE: store tests running on MySQL' .cache/test.log || { echo "MariaDB was not exercised" >&2; status=1; }
grep -q '^ENGINE: hold suite running on Redis at' .cache/test.log || { echo "Redis was not exercised" >&2; status=1; }
grep -q '^ENGINE: hold suite running on Redis Cluster' .cache/test.log || { echo "Redis Cluster was not exercised" >&2; status=1; }
echo "full log: .cache/test.log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
