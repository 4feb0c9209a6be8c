#include "emit/hazard_comments.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using Lines = std::vector<std::string>;

namespace {

// Comments for the last statement of the last migration; `applied` marks history.
Lines comments_for_last(const std::vector<std::string>& migrations, std::vector<bool> applied = {}) {
  auto replayed = test::replay_sql(migrations, std::move(applied));
  return hazard_comment_lines(replayed.migrations.back().back());
}

}  // namespace

TEST_CASE("hazard comments: nothing about a relation the same migration created") {
  CHECK(comments_for_last({"CREATE TABLE t (id int, x int);\nALTER TABLE t DROP COLUMN x;\n"}).empty());
}

TEST_CASE("hazard comments: ACCESS EXCLUSIVE and data loss on a relation of the build are printed") {
  CHECK(comments_for_last({"CREATE TABLE t (id int, x int);", "ALTER TABLE t DROP COLUMN x;"}) ==
        Lines{"-- !! lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes)",
              "-- !! data loss: drops column public.t.x",
              "-- !! irreversible: drops column public.t.x: a rollback brings it back empty"});
}

TEST_CASE("hazard comments: a brief lock on a foreign key's parent is printed only when the parent is live") {
  const std::vector<std::string> migrations{"CREATE TABLE p (id int PRIMARY KEY);",
                                            "CREATE TABLE c (id int, p int REFERENCES p);"};
  CHECK(comments_for_last(migrations).empty());
  CHECK(comments_for_last(migrations, {true, false}) ==
        Lines{"-- !! lock: SHARE ROW EXCLUSIVE on public.p (blocks writes)"});
}

TEST_CASE("hazard comments: a SHARE lock held through a scan is printed with it") {
  Lines lines = comments_for_last({"CREATE TABLE t (id int);", "CREATE INDEX t_id ON t (id);"});
  CHECK(std::ranges::find(lines, "-- !! lock: SHARE on public.t (blocks writes)") != lines.end());
  CHECK(std::ranges::find(lines, "-- !! scan: CREATE INDEX scans public.t to build its index") != lines.end());
}

TEST_CASE("hazard comments: a scan that lets writes go on is not printed") {
  CHECK(comments_for_last({"CREATE TABLE t (id int);", "CREATE INDEX CONCURRENTLY t_id ON t (id);"}).empty());
}
