#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test with CTest.
#   scripts/test.sh             the normal build
#   scripts/test.sh --sanitize  the same suite under AddressSanitizer + UBSan
# Golden files: UPDATE_GOLDEN=1 scripts/test.sh rewrites tests/golden/*/expected/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
build=build
if [ "${1:-}" = "--sanitize" ]; then
  build=build-asan
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
fi
ctest --test-dir "$build" --output-on-failure -j2
