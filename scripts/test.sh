#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors, and runs ctest.
# Tests that need PostgreSQL start their own throwaway cluster (the pg fixture).
#   test.sh [ctest arguments...]     e.g. test.sh -L unit
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh" --test

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPORTAL_BUILD_TESTS=ON -DPORTAL_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$root/build" -j"$(nproc)"
cd "$root/build"
ctest --output-on-failure -j"$(nproc)" "$@"
