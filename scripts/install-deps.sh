#!/usr/bin/env bash
# Installs the Debian 12 packages the portal needs to build, run and test (see
# docs/dependencies.md for why each one). Does nothing when all are present.
#   install-deps.sh          build + run dependencies
#   install-deps.sh --test   also what the tests need, including the browser tests: Debian's
#                            chromium, Node.js and npm (when no node is on PATH), and
#                            `npm ci` in tests/browser and frontend/ when their node_modules is
#                            missing or stale (frontend/: the "dist is up to date" test rebuilds it)
#   install-deps.sh --bench  also what scripts/bench.sh needs (wrk, curl) and what the benchmarks
#                            compare against: Sphinx (searchd, indexer)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake pkg-config
  libpistache-dev rapidjson-dev libssl-dev   # HTTP server (its pkg-config needs the other two)
  libxapian-dev                              # search engine
  libpqxx-dev postgresql postgresql-contrib  # system of record
  libicu-dev                                 # Danish text normalisation
  libhunspell-dev hunspell-da                # Danish dictionary for compound splitting
  libsodium-dev                              # password hashing (Argon2id), session tokens
  libical-dev                                # iCalendar feeds (.ics import)
  libqrencode-dev                            # QR codes of portal cards (api/qr_svg.cpp)
  nlohmann-json3-dev libcli11-dev libspdlog-dev
  libcurl4-openssl-dev                       # HTTP client of the benchmark commands (bench/)
  libkainjow-mustache-dev                    # HTML templates of the citizen pages (frontend/render.h)
  zlib1g-dev                                 # gzip of the web assets, once at start (frontend/assets.cpp)
  libmariadb-dev                             # SphinxQL client of the Sphinx comparator (bench/)
)
if [[ ${1:-} == --test ]]; then
  packages+=(libgtest-dev libgmock-dev curl)
  packages+=(chromium)                                 # browser tests (tests/browser)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
if [[ ${1:-} == --test || ${1:-} == --bench ]]; then
  packages+=(sphinxsearch)                             # the Sphinx comparator (bench/sphinx.h) and its test
fi

if [[ ${1:-} == --bench ]]; then
  packages+=(wrk curl)  # HTTP load generator and health probe of scripts/bench.sh
fi

# The browser tests' npm packages (playwright-core, pinned in package-lock.json; it never
# downloads a browser: the tests use /usr/bin/chromium).
browser_packages() {
  [[ ${1:-} == --test ]] || return 0
  local dir
  for dir in "$root/tests/browser" "$root/frontend"; do
    if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
      echo "Installerer npm-pakker i ${dir#"$root"/}"
      (cd "$dir" && npm ci --prefer-offline --no-audit --no-fund)
    fi
  done
}

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  browser_packages "${1:-}"
  exit 0
fi

echo "Installerer manglende pakker: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "Kør som root (eller installer sudo) for at installere: ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
browser_packages "${1:-}"
