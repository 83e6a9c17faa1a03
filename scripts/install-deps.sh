#!/usr/bin/env bash
# Installs the Debian 12 packages the portal needs to build, run and test (see
# docs/dependencies.md for why each one). Does nothing when all are present.
#   install-deps.sh          build + run dependencies
#   install-deps.sh --test   also what the tests need
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libpistache-dev rapidjson-dev libssl-dev   # HTTP server (its pkg-config needs the other two)
  libxapian-dev                              # search engine
  libpqxx-dev postgresql postgresql-contrib  # system of record
  libicu-dev                                 # Danish text normalisation
  libhunspell-dev hunspell-da                # Danish dictionary for compound splitting
  libsodium-dev                              # password hashing (Argon2id), session tokens
  libical-dev                                # iCalendar feeds (.ics import)
  nlohmann-json3-dev libcli11-dev libspdlog-dev
)
if [[ ${1:-} == --test ]]; then
  packages+=(libgtest-dev libgmock-dev curl)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

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
