#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL cluster of the `pg` test fixture (tests/CMakeLists.txt).
#
#   pg-test-cluster.sh start DIR PORT   fresh cluster in DIR/data, listening only on the Unix
#                                       socket DIR/.s.PGSQL.PORT, superuser "test", trust auth
#   pg-test-cluster.sh stop  DIR PORT   stops it and removes DIR
#
# DIR must be a short path (the socket path has to stay under ~107 bytes) whose parents are
# traversable by everyone. Run as root, the cluster runs as the postgres user (initdb and
# pg_ctl refuse root); otherwise as the calling user. A cluster left running in DIR by an
# earlier run is stopped and replaced. fsync is off (tests) unless PORTAL_PG_FSYNC=on (benchmarks).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR PORT" >&2
  exit 2
}

[[ $# -eq 3 ]] || usage
action=$1
dir=$2
port=$3
[[ $dir == /* ]] || { echo "$0: DIR must be an absolute path" >&2; exit 2; }
[[ $port =~ ^[0-9]+$ ]] || { echo "$0: PORT must be a number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/pg-common.sh"

# Stops a cluster in DIR/data if one is running; never fails.
stop_cluster() {
  [[ -f $dir/data/PG_VERSION ]] || return 0
  if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 30 stop -m fast >/dev/null 2>&1 ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 30 stop -m immediate >/dev/null 2>&1 || true
  fi
}

case $action in
  start)
    stop_cluster
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 700 "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir"
    fi
    if ! as_owner "$bin/initdb" -D "$dir/data" -U test -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      exit 1
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -p $port -c fsync=${PORTAL_PG_FSYNC:-off} -c max_connections=200" start; then
      cat "$dir/postgres.log" >&2 || true
      exit 1
    fi
    ;;
  stop)
    stop_cluster
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
