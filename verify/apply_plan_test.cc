#include "verify/apply_plan.h"

#include <catch2/catch.hpp>

#include "verify/verify_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

// The steps as text: BEGIN, COMMIT, or the statement's first word.
std::string steps_text(const Compilation& c, uint32_t migration) {
  std::string out;
  for (const auto& step : apply_steps(c.set.migrations[migration].up, c.parsed.migrations[migration].up)) {
    if (!out.empty()) out += " ";
    if (step.kind == ApplyStep::Kind::Begin) out += "BEGIN";
    else if (step.kind == ApplyStep::Kind::Commit) out += "COMMIT";
    else out += c.set.file(step.statement->file).text().substr(step.statement->begin, step.statement->end - step.statement->begin);
  }
  return out;
}

}  // namespace

TEST_CASE("apply steps follow deploy.sql's transaction layout", "[verify]") {
  TempDir dir;
  Compilation c = compile_files(
      dir, Format::Goose,
      {{"1_wrapped.sql", "-- +goose Up\nCREATE TABLE t (x int);\nCREATE INDEX CONCURRENTLY ti ON t (x);\nINSERT INTO t VALUES (1);\n"},
       {"2_autocommit.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE u (x int);\nVACUUM u;\n"},
       {"3_own.sql", "-- +goose Up\nBEGIN;\nCREATE TABLE w (x int);\nCOMMIT;\n"}});
  // A statement that cannot run in a transaction runs on its own between two transactions.
  CHECK(steps_text(c, 0) ==
        "BEGIN CREATE TABLE t (x int) COMMIT CREATE INDEX CONCURRENTLY ti ON t (x) BEGIN INSERT INTO t VALUES (1) COMMIT");
  CHECK(steps_text(c, 1) == "CREATE TABLE u (x int) VACUUM u");
  // A body with its own BEGIN/COMMIT is never nested in another transaction.
  CHECK(steps_text(c, 2) == "BEGIN CREATE TABLE w (x int) COMMIT");
}
