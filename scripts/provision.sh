#!/usr/bin/env bash
# Makes sure the services the tests need are here and running: MariaDB,
# Redis, Debian's Chromium and axe-core. Starts what is installed but stopped;
# installs what is missing when running as root with apt-get; otherwise says
# what to install. Prints the environment for the tests on its last lines
# (eval-able KEY=VALUE). Under CI=true every missing piece is a failure.
set -uo pipefail

log() { printf 'provision: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
root=false; [ "$(id -u)" = 0 ] && root=true
apt_ready=false

apt_install() {
  $root && command -v apt-get >/dev/null || return 1
  if ! $apt_ready; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    apt_ready=true
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

wait_for() { # wait_for SECONDS COMMAND...
  local n=$(( $1 * 5 )); shift
  for _ in $(seq "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

mariadb_up() { mariadb-admin ping -h 127.0.0.1 -P 3306 --silent 2>/dev/null || mysqladmin ping -h 127.0.0.1 --silent 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

start_mariadb() {
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
  if [ -x /usr/sbin/mariadbd ] && command -v start-stop-daemon >/dev/null; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2
  else
    service mariadb start >&2 2>&1
  fi
  wait_for 60 mariadb_up
}

ensure_mariadb() {
  mariadb_up && return 0
  if [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ]; then
    log "MariaDB is installed but stopped: starting it"
  else
    apt_install mariadb-server mariadb-client || die "MariaDB is missing: install mariadb-server (or set LEGALDESK_TEST_MYSQL_DSN)"
  fi
  start_mariadb || die "MariaDB did not start"
}

ensure_redis() {
  redis_up && return 0
  command -v redis-server >/dev/null || apt_install redis-server || die "Redis is missing: install redis-server"
  log "starting redis-server"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >&2
  wait_for 10 redis_up || die "Redis did not start"
}

# ensure_redis_cluster runs a three-node Redis Cluster (ports 7101-7103,
# no replicas, nothing on disk but its node files) for the hold suite.
cluster_ports="7101 7102 7103"
cluster_up() { redis-cli -p 7101 cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }
ensure_redis_cluster() {
  cluster_up && return 0
  local dir="$PWD/.cache/redis-cluster" addrs=""
  mkdir -p "$dir"
  for p in $cluster_ports; do
    if [ "$(redis-cli -p "$p" ping 2>/dev/null)" != PONG ]; then
      rm -f "$dir/nodes-$p.conf"
      redis-server --daemonize yes --bind 127.0.0.1 --port "$p" --cluster-enabled yes \
        --cluster-config-file "$dir/nodes-$p.conf" --dir "$dir" --save "" --appendonly no \
        --logfile "$dir/redis-$p.log" >&2 || die "redis-server could not start on port $p"
    fi
    addrs="$addrs 127.0.0.1:$p"
  done
  for p in $cluster_ports; do wait_for 10 redis-cli -p "$p" ping || die "Redis on port $p did not start"; done
  # A node that still has keys or slots from an earlier run is reset first.
  for p in $cluster_ports; do redis-cli -p "$p" flushall >/dev/null 2>&1; redis-cli -p "$p" cluster reset hard >/dev/null 2>&1; done
  log "creating a three-node Redis Cluster on ports $cluster_ports"
  redis-cli --cluster create $addrs --cluster-replicas 0 --cluster-yes >&2 || die "redis-cli could not create the cluster"
  wait_for 20 cluster_up || die "the Redis Cluster did not become ready"
}

ensure_chromium() {
  command -v chromium >/dev/null && return 0
  apt_install chromium fonts-wqy-microhei || die "Chromium is missing: install Debian's chromium"
}

ensure_pdftools() {
  command -v pdftotext >/dev/null && return 0
  apt_install poppler-utils || die "pdftotext is missing: install poppler-utils"
}

ensure_axe() {
  [ -f tests/browser/node_modules/axe-core/axe.min.js ] && return 0
  command -v npm >/dev/null || apt_install nodejs npm || die "npm is missing: install nodejs and npm"
  (cd tests/browser && npm ci --no-audit --no-fund >&2) || die "npm could not install axe-core"
}

# test_dsn prints a DSN for a user that may create the ldtest_* databases.
test_dsn() {
  local sql="CREATE USER IF NOT EXISTS 'legaldesk_test'@'localhost' IDENTIFIED BY 'legaldesk_test';
CREATE USER IF NOT EXISTS 'legaldesk_test'@'127.0.0.1' IDENTIFIED BY 'legaldesk_test';
GRANT ALL PRIVILEGES ON \`ldtest\\_%\`.* TO 'legaldesk_test'@'localhost';
GRANT ALL PRIVILEGES ON \`ldtest\\_%\`.* TO 'legaldesk_test'@'127.0.0.1';"
  if $root && mariadb -uroot -e "$sql" 2>/dev/null; then
    echo 'legaldesk_test:legaldesk_test@tcp(127.0.0.1:3306)/'
  else
    echo 'root@tcp(127.0.0.1:3306)/'
  fi
}

ensure_mariadb
ensure_redis
ensure_redis_cluster
ensure_chromium
ensure_pdftools
ensure_axe
echo "LEGALDESK_TEST_MYSQL_DSN='${LEGALDESK_TEST_MYSQL_DSN:-$(test_dsn)}'"
echo "LEGALDESK_TEST_REDIS_ADDR='${LEGALDESK_TEST_REDIS_ADDR:-127.0.0.1:6379}'"
echo "LEGALDESK_TEST_REDIS_CLUSTER='${LEGALDESK_TEST_REDIS_CLUSTER:-127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103}'"
