#include "emit/unified_diff.h"

#include <catch2/catch.hpp>

using namespace migc;

TEST_CASE("unified diff: equal texts give nothing", "[unified-diff]") { CHECK(unified_diff("f", "a\n", "a\n").empty()); }

TEST_CASE("unified diff: one hunk with three lines of context", "[unified-diff]") {
  CHECK(unified_diff("db/m.sql", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n") ==
        "--- a/db/m.sql\n+++ b/db/m.sql\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("unified diff: a line added at the top, and a missing final newline", "[unified-diff]") {
  CHECK(unified_diff("m.sql", "SELECT 1;\n", "-- depends: a\nSELECT 1;\n") ==
        "--- a/m.sql\n+++ b/m.sql\n@@ -1 +1,2 @@\n+-- depends: a\n SELECT 1;\n");
  CHECK(unified_diff("m", "", "a\n") == "--- a/m\n+++ b/m\n@@ -0,0 +1 @@\n+a\n");
  CHECK(unified_diff("m", "x", "y") == "--- a/m\n+++ b/m\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
}
