#!/usr/bin/env bash
# Measures write-to-searchable latency (docs/benchmarks.md): builds the programs, starts a
# throwaway PostgreSQL cluster (fsync on, as in production), imports the demo listings, starts
# portal-server on a free port and runs `portal-bench write-latency` against it, then stops
# everything. Prints a table; never fails on the figures themselves.
#   bench-writes.sh [portal-bench write-latency options...]   e.g. --rounds 500 --readers 2
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" --target portal-server portal-indexer portal-bench >/dev/null

dir="/tmp/portal-bench-$$"
work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  PORTAL_PG_FSYNC=on "$root/scripts/pg-test-cluster.sh" stop "$dir" 5432 || true
  rm -rf "$work"
}
trap cleanup EXIT
PORTAL_PG_FSYNC=on "$root/scripts/pg-test-cluster.sh" start "$dir" 5432

export PORTAL_DATABASE_URL="host=$dir port=5432 dbname=postgres user=test"
export PORTAL_INDEX_DIR="$work/index"
export PORTAL_PORT=${PORTAL_PORT:-$(shuf -i 20000-59999 -n 1)}

"$root/build/bin/portal-indexer" import "$root/data/demo/listings.json" >/dev/null
password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc a-zA-Z0-9)"
printf '%s\n' "$password" | "$root/build/bin/portal-indexer" user add benchmark --role coordinator >/dev/null

"$root/build/bin/portal-server" >"$work/server.log" 2>&1 &
server=$!

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
printf '%s\n' "$password" | "$root/build/bin/portal-bench" write-latency --url "http://127.0.0.1:$PORTAL_PORT" \
  --user benchmark --wait-seconds 30 "$@" || { status=$?; tail -20 "$work/server.log" >&2; exit $status; }
