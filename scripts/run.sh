#!/usr/bin/env bash
# Runs the portal with demo data on http://127.0.0.1:8080 (PORTAL_PORT to change).
#
# Installs what is missing, builds, starts a private PostgreSQL cluster whose data lives in
# var/pg under the project (it survives restarts), imports the demo listings and serves the
# portal until Ctrl-C, then stops the cluster again.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
"$root/scripts/install-deps.sh"

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" --target portal-server portal-indexer

source "$root/scripts/pg-common.sh"
pgdata="$root/var/pg"
# The socket lives in a short /tmp path (Unix socket paths are limited to ~107 bytes).
sockdir="/tmp/portal-run-$(printf '%s' "$root" | md5sum | cut -c1-8)"

mkdir -p "$root/var" "$sockdir"
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$sockdir"
  [[ -d $pgdata ]] && chown -R postgres: "$pgdata"
fi
if [[ ! -f $pgdata/PG_VERSION ]]; then
  mkdir -p "$pgdata"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$pgdata"
  chmod 700 "$pgdata"
  as_owner "$bin/initdb" -D "$pgdata" -U portal -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_owner "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" \
    -o "-k $sockdir -c listen_addresses='' -p 5432" start >/dev/null
fi
stop_pg() { as_owner "$bin/pg_ctl" -D "$pgdata" -w stop -m fast >/dev/null 2>&1 || true; }
trap stop_pg EXIT

psql_admin() { "$bin/psql" -X -q -h "$sockdir" -p 5432 -U portal -d postgres "$@"; }
if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'portal'") ]]; then
  psql_admin -c "CREATE DATABASE portal"
fi

export PORTAL_DATABASE_URL="host=$sockdir port=5432 dbname=portal user=portal"
export PORTAL_INDEX_DIR="$root/var/index"
export PORTAL_PORT=${PORTAL_PORT:-8080}

"$root/build/bin/portal-indexer" import "$root/data/demo/listings.json"

# Demo accounts, made while the database has none. Demo only: the passwords are printed below, and
# the portal listens on 127.0.0.1 unless told otherwise.
demo_password="demo-kodeord-2026"
if [[ $(psql_admin -d portal -tAc "SELECT count(*) FROM accounts") == 0 ]]; then
  printf '%s\n' "$demo_password" | "$root/build/bin/portal-indexer" user add koordinator --role coordinator
  printf '%s\n' "$demo_password" | "$root/build/bin/portal-indexer" user add friske-foedder \
    --role association --association gaaklubben-friske-foedder
  printf '%s\n' "$demo_password" | "$root/build/bin/portal-indexer" user add besoeg --role staff \
    --team "Forebyggende besøg Holstebro" --municipality 0661
fi
echo "Demo-logins (kodeord $demo_password): koordinator (koordinator), friske-foedder (forening), besoeg (personale)"

echo "Fællesskabsportal kører på http://127.0.0.1:$PORTAL_PORT/ (stop med Ctrl-C)"
"$root/build/bin/portal-server" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' INT TERM
wait $server || true
wait $server 2>/dev/null || true
