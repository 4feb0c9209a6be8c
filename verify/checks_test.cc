#include "verify/checks.h"

#include <functional>

#include <catch2/catch.hpp>

#include "verify/verify_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

// Compiles `files`, lets the test adjust the compilation, and runs the checks on a fresh local
// server; nullopt when PostgreSQL is not installed.
std::optional<VerifyReport> verify_files(const std::map<std::string, std::string>& files, Format format,
                                         VerifyOptions options,
                                         const std::function<void(Compilation&)>& adjust = {}) {
  TempDir dir;
  Compilation c = compile_files(dir, format, files);
  if (adjust) adjust(c);
  auto server = start_local_server();
  if (!server) return std::nullopt;
  Databases databases(*server);
  Progress progress(false);
  Timings timings;
  return run_checks(c, *server, databases, options, progress, timings);
}

const CheckResult& check(const VerifyReport& report, const std::string& name) {
  for (const auto& c : report.checks)
    if (c.name == name) return c;
  FAIL("no check named " << name);
  throw std::logic_error("unreachable");
}

VerifyOptions only(std::function<void(VerifyOptions&)> set) {
  VerifyOptions o;
  o.predicted = false;
  o.source_order = false;
  set(o);
  return o;
}

// b and c both add a column to a's table and are unordered: their order decides the column order.
const std::map<std::string, std::string> kUnorderedColumns = {
    {"a.sql", "CREATE TABLE t (id int);\n"},
    {"b.sql", "-- depends: a\nALTER TABLE t ADD COLUMN b int;\n"},
    {"c.sql", "-- depends: a\nALTER TABLE t ADD COLUMN c int;\n"}};

}  // namespace

TEST_CASE("a migration that fails to apply is named with its file:line:col", "[verify]") {
  auto report = verify_files({{"1_ok.sql", "CREATE TABLE a (x int);\n"},
                              {"2_bad.sql", "-- a comment\nCREATE TABLE b (\n  x nosuchtype\n);\n"}},
                             Format::Plain, VerifyOptions{});
  if (!report) return;
  CHECK_FALSE(report->ok());
  const CheckResult& deploy = check(*report, "deploy");
  REQUIRE(deploy.failure);
  CHECK(deploy.failure->file == "m/2_bad.sql");
  CHECK(deploy.failure->at.line == 3);
  CHECK(deploy.failure->at.column == 5);  // where PostgreSQL points: the unknown type
  CHECK(deploy.failure->message == "migration '2_bad' failed: type \"nosuchtype\" does not exist");
  CHECK(format_diagnostic(*deploy.failure).find("m/2_bad.sql:3:5: error: migration '2_bad' failed") == 0);
}

TEST_CASE("the predicted schema of a simple project matches the database", "[verify]") {
  auto report = verify_files({{"1.sql", "CREATE SCHEMA app;\nCREATE TABLE app.t (id int PRIMARY KEY, name text NOT NULL);\n"},
                              {"2.sql", "CREATE INDEX ON app.t (name);\n"}},
                             Format::Plain, VerifyOptions{});
  if (!report) return;
  const CheckResult& predicted = check(*report, "predicted");
  INFO((predicted.differences.empty() ? "" : difference_text(predicted.differences[0])));
  CHECK(predicted.status == CheckResult::Status::Passed);
  CHECK(check(*report, "source order").status == CheckResult::Status::Skipped);
}

TEST_CASE("(b) the source tool's order catches a compiled order that gives another schema", "[verify]") {
  // As if the analyzer had ordered c before b: a valid order, but not the one yoyo runs.
  auto report = verify_files(kUnorderedColumns, Format::Yoyo, only([](VerifyOptions& o) { o.source_order = true; }),
                             [](Compilation& c) { std::swap(c.plan.order[1], c.plan.order[2]); });
  if (!report) return;
  const CheckResult& source = check(*report, "source order");
  CHECK(source.status == CheckResult::Status::Failed);
  REQUIRE(source.differences.size() == 1);
  CHECK(source.differences[0].object == "table public.t");
  CHECK(source.differences[0].details ==
        std::vector<std::string>{"column order: compiled order id, c, b; source order id, b, c"});
}

TEST_CASE("(b) a dependency the authors forgot shows as the source tool's order failing", "[verify]") {
  auto report = verify_files({{"1_view.sql", "CREATE VIEW v AS SELECT * FROM t;\n"},
                              {"2_table.sql", "CREATE TABLE t (x int);\n"}},
                             Format::Yoyo, only([](VerifyOptions& o) { o.source_order = true; }));
  if (!report) return;
  const CheckResult& source = check(*report, "source order");
  CHECK(source.status == CheckResult::Status::Failed);
  CHECK(source.note == "the source tool's order does not apply");
  REQUIRE(source.failure);
  CHECK(source.failure->file == "m/1_view.sql");
  CHECK(source.failure->message == "migration '1_view' failed: relation \"t\" does not exist");
}

TEST_CASE("(c) --update-expect writes the snapshot that --expect then compares with", "[verify]") {
  TempDir out;
  auto expect = out.path() / "schema.json";
  std::map<std::string, std::string> files = {{"1.sql", "CREATE TABLE t (id int);\nCREATE TABLE u (id int);\n"}};
  auto written = verify_files(files, Format::Plain, only([&](VerifyOptions& o) {
                                o.expect = expect;
                                o.update_expect = true;
                              }));
  if (!written) return;
  CHECK(written->ok());
  std::string snapshot = read_file(expect);
  CHECK(snapshot.find("\"public.u\"") != std::string::npos);

  auto same = verify_files(files, Format::Plain, only([&](VerifyOptions& o) { o.expect = expect; }));
  CHECK(check(*same, "expect").status == CheckResult::Status::Passed);

  files["1.sql"] = "CREATE TABLE t (id int);\n";  // drift: u is gone
  auto drifted = verify_files(files, Format::Plain, only([&](VerifyOptions& o) { o.expect = expect; }));
  const CheckResult& e = check(*drifted, "expect");
  CHECK(e.status == CheckResult::Status::Failed);
  REQUIRE(e.differences.size() == 1);
  CHECK(e.differences[0].object == "table public.u");
  CHECK(e.differences[0].only_in == "expected");
}

TEST_CASE("verify --setup runs first in every database, in the migrations' session, past errors", "[verify]") {
  TempDir out;
  out.write("setup.sql", "CREATE ROLE app_owner;\nCREATE SCHEMA app;\nSET search_path = app, public;\nSELECT no_such_function();\n");
  auto expect = out.path() / "schema.json";
  auto report = verify_files({{"1.up.sql", "CREATE TABLE t (x int);\n"}, {"1.down.sql", "DROP TABLE t;\n"}},
                             Format::Plain, only([&](VerifyOptions& o) {
                               o.setup = {out.path() / "setup.sql"};
                               o.expect = expect;
                               o.update_expect = true;
                               o.rollback = true;  // a baseline database too: its CREATE ROLE fails, unreported
                             }));
  if (!report) return;
  CHECK(report->ok());
  REQUIRE(report->warnings.size() == 1);
  CHECK(report->warnings[0].find("setup.sql:4: function no_such_function() does not exist") != std::string::npos);
  CHECK(read_file(expect).find("\"app.t\"") != std::string::npos);  // the SET search_path held
}

TEST_CASE("(a) the model replays the --setup statements that applied, then the migrations", "[verify]") {
  // A runner that creates the schema and a bookkeeping table and sets the search_path first.
  TempDir out;
  out.write("setup.sql", "CREATE SCHEMA app;\nSET search_path = app, public;\n"
                         "CREATE TABLE migrations (version text NOT NULL);\nCREATE EXTENSION no_such_extension;\n");
  auto report = verify_files({{"1.sql", "ALTER TABLE migrations ADD PRIMARY KEY (version);\nCREATE TABLE t (id int);\n"
                                        "CREATE EXTENSION pg_trgm;\n"}},
                             Format::Plain, only([&](VerifyOptions& o) {
                               o.predicted = true;
                               o.setup = {out.path() / "setup.sql"};
                             }));
  if (!report) return;
  const CheckResult& predicted = check(*report, "predicted");
  INFO((predicted.differences.empty() ? "" : difference_text(predicted.differences[0])));
  CHECK(predicted.status == CheckResult::Status::Passed);  // app.t, app.migrations with its key, pg_trgm in app
  CHECK(report->warnings.size() == 1);  // the extension that failed is not predicted either
}

TEST_CASE("(d) --rollback compares the rolled-back database with the state before deploying", "[verify]") {
  std::map<std::string, std::string> files = {{"1_a.up.sql", "CREATE TABLE a (x int);\n"},
                                              {"1_a.down.sql", "DROP TABLE a;\n"},
                                              {"2_b.up.sql", "CREATE TABLE b (x int);\nCREATE INDEX ON b (x);\n"},
                                              {"2_b.down.sql", "DROP INDEX b_x_idx;\n"}};  // forgets the table
  auto report = verify_files(files, Format::Plain, only([](VerifyOptions& o) { o.rollback = true; }));
  if (!report) return;
  const CheckResult& rollback = check(*report, "rollback");
  CHECK(rollback.status == CheckResult::Status::Failed);
  REQUIRE(rollback.differences.size() == 1);
  CHECK(rollback.differences[0].object == "table public.b");
  CHECK(rollback.differences[0].only_in == "after rollback");

  files["2_b.down.sql"] = "DROP TABLE b;\n";
  CHECK(verify_files(files, Format::Plain, only([](VerifyOptions& o) { o.rollback = true; }))->ok());
}

TEST_CASE("(e) --orders finds another valid order that gives another schema", "[verify]") {
  auto report = verify_files(kUnorderedColumns, Format::Yoyo, only([](VerifyOptions& o) { o.orders = 3; }));
  if (!report) return;
  const CheckResult& orders = check(*report, "orders");
  CHECK(orders.status == CheckResult::Status::Failed);
  CHECK(orders.note == "order 1 of 1 (a, c, b) gives another schema");
  REQUIRE(orders.differences.size() == 1);
  CHECK(orders.differences[0].details ==
        std::vector<std::string>{"column order: compiled order id, b, c; order 1 id, c, b"});

  auto independent = verify_files({{"a.sql", "CREATE TABLE a (x int);\n"},
                                   {"b.sql", "CREATE TABLE b (x int);\n"},
                                   {"c.sql", "-- depends: a\nCREATE INDEX ON a (x);\n"}},
                                  Format::Yoyo, only([](VerifyOptions& o) { o.orders = 10; }));
  const CheckResult& same = check(*independent, "orders");
  CHECK(same.status == CheckResult::Status::Passed);
  CHECK(same.note == "2 other orders give the same schema (the dependency graph allows only 2 other orders)");
}
