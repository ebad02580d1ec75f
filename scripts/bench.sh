#!/usr/bin/env bash
# bench.sh: the measured runs behind docs/benchmarks.md, in one go.
#   scripts/bench.sh sqlite            the embedded default (SQLite + memory)
#   scripts/bench.sh mysql [N]         MariaDB + Redis, N server instances (1–3)
# Each run builds the server and the load generator, starts fresh servers
# (a new database, the demo seeded, no demo history), runs cmd/loadtest with
# the dblimit ceiling on the same database, and prints the server's peak RSS.
# Needs MariaDB at 127.0.0.1:3306 (root, no password) and Redis at 6379 for
# the mysql runs: `bash scripts/provision.sh` starts them.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-sqlite} instances=${2:-1}
residents=${RESIDENTS:-3000} reads=${READS:-40000} conc=${CONC:-64}
work=.cache/bench-run; rm -rf "$work"; mkdir -p "$work"
go build -o "$work/legaldesk" ./cmd/legaldesk
go build -o "$work/loadtest" ./cmd/loadtest
common=(LEGALDESK_DEMO_HISTORY=false LEGALDESK_LOG_LEVEL=warn LEGALDESK_AUTH_SMS_PER_PHONE=10000 LEGALDESK_AUTH_LOGIN_PER_PHONE=10000)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # start PORT ENV...
  local port=$1; shift
  env "${common[@]}" "$@" LEGALDESK_ADDR=127.0.0.1:$port "$work/legaldesk" >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "server on $port did not start"; cat "$work/server-$port.log"; exit 1
}
case $engine in
sqlite)
  start 8181 LEGALDESK_DATA_DIR="$work/data"
  urls=(http://127.0.0.1:8181) db=(-db-driver sqlite -db-dsn "$work/data/legaldesk.db") ;;
mysql)
  name=legaldesk_bench
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $name; CREATE DATABASE $name"
  redis-cli -n 9 flushdb >/dev/null
  dsn="root@tcp(127.0.0.1:3306)/$name"
  my=(LEGALDESK_DB_DRIVER=mysql "LEGALDESK_DB_DSN=$dsn" LEGALDESK_REDIS_ADDR=127.0.0.1:6379 LEGALDESK_REDIS_DB=9)
  urls=()
  for i in $(seq "$instances"); do
    start $((8180 + i)) "${my[@]}" LEGALDESK_DATA_DIR="$work/data" # one set of development keys for all
    urls+=(http://127.0.0.1:$((8180 + i)))
  done
  db=(-db-driver mysql -db-dsn "$dsn") ;;
*) echo "usage: $0 sqlite | mysql [instances]"; exit 2 ;;
esac
more=$(IFS=,; echo "${urls[*]:1}")
echo "== $engine, $instances instance(s), $residents residents, $reads reads, $conc connections, $(nproc) cores"
"$work/loadtest" -base "${urls[0]}" ${more:+-instances "$more"} -residents "$residents" -reads "$reads" -c "$conc" -throughput "${db[@]}"
for p in "${pids[@]}"; do
  echo "server pid $p: peak RSS $(awk '/VmHWM/{print $2/1024 " MB"}' /proc/$p/status)"
done
