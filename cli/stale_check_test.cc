#include "cli/stale_check.h"

#include <catch2/catch.hpp>

#include "tests/test_support.h"

TEST_CASE("stale_artifacts names missing and changed files with the first changed line", "[stale_check]") {
  migc::test::TempDir d;
  d.write("out/deploy.sql", "a\nb\nc\n");
  d.write("out/plan.json", "{}\n");
  CHECK(migc::stale_artifacts(d.path() / "out", {{"deploy.sql", "a\nb\nc\n"}, {"plan.json", "{}\n"}}).empty());
  auto report = migc::stale_artifacts(d.path() / "out",
                                      {{"deploy.sql", "a\nB\nc\n"}, {"plan.json", "{}\n"}, {"graph.mmd", "x\n"}});
  REQUIRE(report.size() == 2);
  CHECK(report[0].find("out/deploy.sql:2: stale: 1 line(s) would change into 1") != std::string::npos);
  CHECK(report[1].find("out/graph.mmd: missing") != std::string::npos);
}
