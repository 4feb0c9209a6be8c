#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test with CTest.
#   scripts/test.sh             the normal build
#   scripts/test.sh --sanitize  the same suite under AddressSanitizer + UBSan
# Golden files: UPDATE_GOLDEN=1 scripts/test.sh rewrites tests/golden/*/expected/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
build=build
[ "${1:-}" = "--sanitize" ] && build=build-asan
ctest --test-dir "$build" --output-on-failure -j2
