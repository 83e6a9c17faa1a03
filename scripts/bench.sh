#!/usr/bin/env bash
# The national-scale benchmark (issue 7, docs/benchmarks.md). From a fresh clone:
#
#   scripts/bench.sh --size 100000            one size, one table
#   scripts/bench.sh --sizes 10000,100000     one table per size, then how cost grows
#
# Options: --seed S (corpus and mix, default 1), --queries K (mix lines, default 2000),
# --seconds S (each load phase, default 15), --connections C (wrk, default 16),
# --skip-1m (drop 1000000 from --sizes), --build-dir DIR (default build-release; an existing
# build is reused after an incremental build), --no-build (use DIR as it is).
#
# Installs what it needs (scripts/install-deps.sh --bench), builds Release, and for each size
# starts a private PostgreSQL cluster (fsync on, as in production) in a temporary folder,
# generates the corpus, imports it, rebuilds the index, generates the query mix and measures:
# import and rebuild rates, index size, server start-up and RSS, search latency and throughput
# in-process and over HTTP (wrk on loopback; without and with the server's answer cache), the HTTP floor (a plain Pistache endpoint),
# write-to-searchable latency under read load, and PostgreSQL FTS and Sphinx on the same mix when
# portal-bench has those subcommands. Prints figures; never fails on the figures themselves.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=()
seed=1
queries=2000
seconds=15
connections=16
skip_1m=0
build_dir=$root/build-release
build=1

while [[ $# -gt 0 ]]; do
  case $1 in
    --size) sizes=("$2"); shift 2 ;;
    --sizes) IFS=, read -r -a sizes <<<"$2"; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --skip-1m) skip_1m=1; shift ;;
    --build-dir) build_dir=$(realpath -m "$2"); shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "$0: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || { echo "usage: $0 --size N | --sizes N,M,... [options] (see --help)" >&2; exit 2; }
if [[ $skip_1m -eq 1 ]]; then
  kept=()
  for n in "${sizes[@]}"; do [[ $n -ge 1000000 ]] || kept+=("$n"); done
  sizes=("${kept[@]}")
fi
for n in "${sizes[@]}"; do [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || { echo "$0: bad size '$n'" >&2; exit 2; }; done

"$root/scripts/install-deps.sh" --bench
if [[ $build -eq 1 ]]; then
  cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DPORTAL_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build_dir" -j"$(nproc)" --target portal-server portal-indexer portal-bench >/dev/null
fi
bin=$build_dir/bin
bench=$bin/portal-bench

pgdir="/tmp/pb-$$"
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
pgport=5432
server=
floor=
stop_server() {
  if [[ -n $server ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=
}
stop_floor() {
  if [[ -n $floor ]]; then kill -TERM "$floor" 2>/dev/null || true; wait "$floor" 2>/dev/null || true; fi
  floor=
}
cleanup() {
  stop_server
  stop_floor
  PORTAL_PG_FSYNC=on "$root/scripts/pg-test-cluster.sh" stop "$pgdir" "$pgport" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
# A port below the kernel's ephemeral range (32768 up), where wrk's and the clients' own
# connections, and their TIME_WAIT, cannot hold it, and that nothing listens on.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(shuf -i 20000-32000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "$p"
}
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2" | head -1; }
wrk_run() {  # URL PATH -> the WRK line
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s "$root/bench/wrk-mix.lua" "$1" -- "$work/mix.txt" "$2" |
    grep '^WRK ' || echo "WRK failed"
}
wait_healthy() {  # PORT PID -> seconds until /healthz answered 200 (or fails)
  local start
  start=$(now)
  for _ in $(seq 1 6000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$1/healthz" 2>/dev/null; then elapsed "$start"; return 0; fi
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
# A portal-bench table_row ("name count mean p50 p95 p99 max") → "p50 p95 p99"
row_percentiles() { awk '{ n = NF; printf "%s %s %s", $(n-3), $(n-2), $(n-1) }' <<<"$1"; }

machine="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
summary_rows=()

for size in "${sizes[@]}"; do
  rows=()
  row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
  # LABEL VALUE TABLE_ROW REQ/S OUTPUT: a row from a portal-bench table row, or the failure.
  table_row_or_failure() {
    if [[ -n $3 ]]; then
      read -r a b c <<<"$(row_percentiles "$3")"
      row "$1" "$2" "$a" "$b" "$c" "$4"
    else
      row "$1" "failed: $(tail -1 <<<"$5")" "" "" "" ""
    fi
  }
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)

  corpus=$work/corpus
  start=$(now)
  "$bench" corpus --size "$size" --seed "$seed" --out "$corpus" >/dev/null
  corpus_s=$(elapsed "$start")

  PORTAL_PG_FSYNC=on "$root/scripts/pg-test-cluster.sh" start "$pgdir" "$pgport" >/dev/null
  export PORTAL_DATABASE_URL="host=$pgdir port=$pgport dbname=postgres user=test"
  export PORTAL_INDEX_DIR="$work/index"
  rm -rf "$PORTAL_INDEX_DIR"

  start=$(now)
  "$bin/portal-indexer" import "$corpus"/listings-*.json >"$work/import.log" 2>&1 ||
    { tail -20 "$work/import.log" >&2; exit 1; }
  import_s=$(elapsed "$start")
  # The last count: "i alt: …" after several files, the file's own line after one.
  invalid=$(sed -n 's/.* \([0-9]*\) ugyldige.*/\1/p' "$work/import.log" | tail -1)

  start=$(now)
  "$bin/portal-indexer" rebuild >"$work/rebuild.log" 2>&1 || { tail -20 "$work/rebuild.log" >&2; exit 1; }
  rebuild_s=$(elapsed "$start")
  index_mb=$(du -sk "$PORTAL_INDEX_DIR" | awk '{ printf "%.1f", $1 / 1024 }')

  "$bench" mix --corpus "$corpus" --count "$queries" --seed "$seed" >"$work/mix.txt"

  inproc=$("$bench" search-inproc --index "$PORTAL_INDEX_DIR" --mix "$work/mix.txt" --threads 2 --seconds "$seconds")
  inproc_row=$(grep '^in-process search' <<<"$inproc")
  inproc_rps=$(sed -n 's/^in-process throughput: \([0-9]*\).*/\1/p' <<<"$inproc")

  # The server twice: without the answer cache (every search computed: the cost of a search),
  # then as deployed (PORTAL_SEARCH_CACHE_MB default), where a query repeated within the same
  # minute on the same index is answered from memory.
  port=$(free_port)
  start=$(now)
  PORTAL_SEARCH_CACHE_MB=0 PORTAL_PORT=$port "$bin/portal-server" >"$work/server.log" 2>&1 &
  server=$!
  startup_s=$(wait_healthy "$port" "$server") || { tail -20 "$work/server.log" >&2; exit 1; }
  # Warm-up: one short load pass, then RSS; then the measured load, then RSS again.
  wrk -t2 -c"$connections" -d3s -s "$root/bench/wrk-mix.lua" "http://127.0.0.1:$port" -- "$work/mix.txt" >/dev/null
  rss_warm=$(rss_mb "$server")
  http=$(wrk_run "http://127.0.0.1:$port" /api/v1/search)
  rss_load=$(rss_mb "$server")
  stop_server

  port=$(free_port)
  PORTAL_PORT=$port "$bin/portal-server" >"$work/server-cached.log" 2>&1 &
  server=$!
  wait_healthy "$port" "$server" >/dev/null || { tail -20 "$work/server-cached.log" >&2; exit 1; }
  wrk -t2 -c"$connections" -d3s -s "$root/bench/wrk-mix.lua" "http://127.0.0.1:$port" -- "$work/mix.txt" >/dev/null
  http_cached=$(wrk_run "http://127.0.0.1:$port" /api/v1/search)
  rss_cached=$(rss_mb "$server")

  password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc a-zA-Z0-9)"
  printf '%s\n' "$password" | "$bin/portal-indexer" user add benchmark --role coordinator >/dev/null
  writes=$(printf '%s\n' "$password" | "$bench" write-latency --url "http://127.0.0.1:$port" --user benchmark \
    --rounds 100 --readers 1 --wait-seconds 30 2>&1) || true
  writes_row=$(grep '^write to searchable' <<<"$writes" || true)
  writes_misses=$(sed -n 's/^not searchable within .*: \([0-9]*\) of.*/\1/p' <<<"$writes")
  stop_server
  # "search answer cache: H hits, M misses, …" (logged at stop; warm-up, load and writes)
  cache_line=$(grep -o 'search answer cache: [0-9]* hits, [0-9]* misses' "$work/server-cached.log" | tail -1)
  cache_hits=$(awk '{ h = $4; m = $6; if (h + m > 0) printf "%.0f %%", 100 * h / (h + m) }' <<<"$cache_line")

  fport=$(free_port)
  "$bench" floor-server --port "$fport" >"$work/floor.log" 2>&1 &
  floor=$!
  wait_healthy "$fport" "$floor" >/dev/null || { cat "$work/floor.log" >&2; exit 1; }
  floor_line=$(wrk_run "http://127.0.0.1:$fport" /api/v1/search)
  stop_floor

  row "corpus generation" "$size activities in ${corpus_s} s" "" "" "" ""
  row "import into PostgreSQL" "$(rate "$size" "$import_s") listings/s (${import_s} s, invalid: ${invalid:-?})" "" "" "" ""
  row "full index rebuild" "$(rate "$size" "$rebuild_s") listings/s (${rebuild_s} s)" "" "" "" ""
  row "index size" "${index_mb} MB" "" "" "" ""
  row "server start-up (to /healthz)" "${startup_s} s" "" "" "" ""
  row "server RSS warm / after load" "${rss_warm} / ${rss_load} MB; with the answer cache ${rss_cached} MB" "" "" "" ""
  read -r a b c <<<"$(row_percentiles "$inproc_row")"
  inproc_p50=$a
  row "search in-process" "1 thread; 2 threads for req/s" "$a" "$b" "$c" "$inproc_rps"
  row "search over HTTP (wrk), no answer cache" "c=$connections, non-2xx $(field non2xx "$http"), errors $(field errors "$http") ($(field errors_by_kind "$http"))" "$(field p50_ms "$http")" \
    "$(field p95_ms "$http")" "$(field p99_ms "$http")" "$(field rps "$http")"
  row "search over HTTP (wrk), answer cache" "c=$connections, cache hits ${cache_hits:-?}, non-2xx $(field non2xx "$http_cached"), errors $(field errors "$http_cached") ($(field errors_by_kind "$http_cached"))" \
    "$(field p50_ms "$http_cached")" "$(field p95_ms "$http_cached")" "$(field p99_ms "$http_cached")" "$(field rps "$http_cached")"
  row "HTTP floor (plain Pistache)" "c=$connections, errors/timeouts $(field errors "$floor_line")" "$(field p50_ms "$floor_line")" "$(field p95_ms "$floor_line")" \
    "$(field p99_ms "$floor_line")" "$(field rps "$floor_line")"
  for cmp in pg-fts sphinx; do
    label=$([[ $cmp == pg-fts ]] && echo "PostgreSQL FTS" || echo "Sphinx")
    if "$bench" --help 2>/dev/null | grep -qE "^[[:space:]]+$cmp([[:space:]]|$)"; then
      out=$("$bench" "$cmp" --database "$PORTAL_DATABASE_URL" --mix "$work/mix.txt" --seconds "$seconds" 2>&1) || true
      # Its table row "<name> single client  count mean p50 p95 p99 max" and "throughput: N queries/s"
      # (it also lists the mix queries that found nothing; that is information, not a failure).
      line=$(grep -E ' single client +[0-9]+( +[0-9]+\.[0-9]+){5}$' <<<"$out" | head -1 || true)
      rps=$(sed -n 's/.* throughput: \([0-9.]*\) queries\/s.*/\1/p' <<<"$out" | head -1)
      zero=$(sed -n 's/.*; \([0-9]* of [0-9]*\) mix queries found nothing$/\1/p' <<<"$out" | head -1)
      table_row_or_failure "$label" "portal-bench $cmp, ${zero:-?} queries found nothing" "$line" "${rps:-?}" "$out"
    else
      row "$label" "not built" "" "" "" ""
    fi
  done
  table_row_or_failure "write to searchable" "100 PUTs, 1 reader, misses ${writes_misses:-?}" "$writes_row" "" "$writes"

  echo
  echo "## $size activities (seed $seed, $queries queries)"
  echo
  echo "machine: $machine; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| measure | value | p50 ms | p95 ms | p99 ms | req/s |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  summary_rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$size" "$(rate "$size" "$rebuild_s")" "$index_mb" \
    "$rss_cached" "$inproc_p50" "$(field p99_ms "$http")" "$(field rps "$http")" \
    "$(awk -v a="$(field rps "$http")" -v b="$(field rps "$floor_line")" 'BEGIN { if (b > 0) printf "%.3f", a / b }')" \
    "$(field p99_ms "$http_cached")")")

  PORTAL_PG_FSYNC=on "$root/scripts/pg-test-cluster.sh" stop "$pgdir" "$pgport" >/dev/null 2>&1 || true
  rm -rf "$corpus" "$PORTAL_INDEX_DIR"
done

if [[ ${#sizes[@]} -gt 1 ]]; then
  echo
  echo "## How cost grows"
  echo
  echo "| activities | rebuild listings/s | index MB | RSS MB | in-process p50 ms | HTTP p99 ms | HTTP req/s | HTTP / floor | HTTP p99 ms, answer cache |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${summary_rows[@]}"
fi
