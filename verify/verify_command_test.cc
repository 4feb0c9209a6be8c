// `migc verify` as a user runs it: exit codes, output, teardown when killed, and --dsn.
#include <csignal>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_postgres.h"
#include "verify/connection.h"
#include "verify/verify_test_support.h"

namespace fs = std::filesystem;
using namespace migc;
using namespace migc::test;

namespace {

// The migc-XXXXXX run directories below `dir`.
std::vector<fs::path> run_dirs(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename().string().rfind("migc-", 0) == 0) out.push_back(entry.path());
  return out;
}

// Starts `migc verify` on a migration that sleeps, waits until the sleep runs, sends `signal`,
// and checks that no server process and no run directory are left.
void kill_mid_verify(int signal) {
  if (!postgres_installed()) return;
  TempDir project, tmp;
  project.write("1_table.sql", "CREATE TABLE t (x int);\n");
  project.write("2_slow.sql", "SELECT pg_sleep(30);\n");
  RunResult started = run_shell("TMPDIR=" + quoted(tmp.path()) + " '" MIGC_BINARY "' verify " +
                                quoted(project.path()) + " >/dev/null 2>&1 & echo $!");
  pid_t migc = std::stoi(started.out);
  bool sleeping = eventually([&] {
    auto dirs = run_dirs(tmp.path());
    if (dirs.empty()) return false;
    try {
      Connection db("host=" + dirs[0].string() + " user=postgres dbname=postgres");
      return db.value("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'") == "1";
    } catch (const std::exception&) {
      return false;  // not up yet
    }
  });
  REQUIRE(sleeping);
  REQUIRE(process_mentions(tmp.path().string()));
  ::kill(migc, signal);
  CHECK(eventually([&] { return run_dirs(tmp.path()).empty() && !process_mentions(tmp.path().string()); }));
}

}  // namespace

TEST_CASE("migc verify passes on the example project", "[verify]") {
  if (!postgres_installed()) return;
  RunResult r = run_migc("verify " + quoted(source_dir() / "migrations-example") + " --rollback --timings");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("passed  predicted") != std::string::npos);
  CHECK(r.out.find("passed  rollback") != std::string::npos);
  CHECK(r.out.find("migc: verify passed") != std::string::npos);
  CHECK(r.err.find("deploy: apply 24 migrations") != std::string::npos);
}

TEST_CASE("migc verify --format json reports each check and exits 1 on a difference", "[verify]") {
  if (!postgres_installed()) return;
  TempDir project;
  project.write("a.sql", "CREATE TABLE t (id int);\n");
  project.write("b.sql", "-- depends: a\nALTER TABLE t ADD COLUMN b int;\n");
  project.write("c.sql", "-- depends: a\nALTER TABLE t ADD COLUMN c int;\n");
  RunResult r = run_migc("verify " + quoted(project.path()) + " --dir-format yoyo --orders 2 --format json");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["ok"] == false);
  CHECK(report["migrations"] == 3);
  auto checks = report["checks"];
  REQUIRE(checks.size() == 3);
  CHECK(checks[0]["name"] == "predicted");
  CHECK(checks[2]["name"] == "orders");
  CHECK(checks[2]["status"] == "failed");
  CHECK(checks[2]["differences"][0]["object"] == "table public.t");
}

TEST_CASE("SIGTERM mid-verify leaves no server process and no temporary folder", "[verify]") {
  kill_mid_verify(SIGTERM);
}

TEST_CASE("kill -9 mid-verify leaves no server process and no temporary folder", "[verify]") {
  kill_mid_verify(SIGKILL);
}

TEST_CASE("Ctrl-C mid-verify leaves no server process and no temporary folder", "[verify]") {
  kill_mid_verify(SIGINT);
}

TEST_CASE("an error after the server started still tears it down", "[verify]") {
  if (!postgres_installed()) return;
  TempDir project, tmp;
  project.write("1.sql", "CREATE TABLE t (x int);\n");
  project.write("expect.json", "not json");
  RunResult r = run_shell("TMPDIR=" + quoted(tmp.path()) + " '" MIGC_BINARY "' verify " + quoted(project.path()) +
                          " --expect " + quoted(project.path() / "expect.json"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("expect.json is not JSON") != std::string::npos);
  CHECK(eventually([&] { return run_dirs(tmp.path()).empty() && !process_mentions(tmp.path().string()); }));
}

TEST_CASE("on a terminal, a run longer than a second shows which migration each database is at", "[verify]") {
  if (!postgres_installed()) return;
  TempDir project;
  project.write("1_slow.sql", "SELECT pg_sleep(1.2);\n");
  project.write("2_table.sql", "CREATE TABLE t (x int);\n");
  // script(1) gives migc a terminal; its output is what the terminal shows.
  RunResult r = run_shell("script -qec \"'" MIGC_BINARY "' verify " + quoted(project.path()) + "\" /dev/null");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("deploy: migration 1 of 2") != std::string::npos);
  CHECK(run_migc("verify " + quoted(project.path())).err.find("migration 1 of 2") == std::string::npos);
}

TEST_CASE("verify --pg-bin names a folder without a server as such", "[verify]") {
  TempDir project;
  project.write("1.sql", "CREATE TABLE t (x int);\n");
  RunResult r = run_migc("verify " + quoted(project.path()) + " --pg-bin " + quoted(project.path()));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--pg-bin " + project.path().string() + " holds no initdb and postgres") != std::string::npos);
}

TEST_CASE("verify --dsn works in its own databases only and never prints the password", "[verify]") {
  if (!postgres_installed()) return;
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): test skipped");
    return;
  }
  std::string socket = pg.psql_command("postgres", "\\pset tuples_only on\nSHOW unix_socket_directories;").out;
  socket = socket.substr(socket.find_first_not_of(" \n"));
  socket = socket.substr(0, socket.find_first_of(" \n"));
  auto databases = [&] {
    std::string out = pg.psql_command("postgres", "\\pset tuples_only on\nSELECT datname FROM pg_database;").out;
    std::set<std::string> names;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (auto first = line.find_first_not_of(' '); first != std::string::npos) names.insert(line.substr(first));
    return names;
  };
  std::set<std::string> before = databases();
  TempDir project;
  project.write("1.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
  std::string dsn = "postgresql://postgres:s3cret@/postgres?host=" + socket;

  RunResult r = run_migc("verify " + quoted(project.path()) + " --dsn '" + dsn + "' --timings");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(databases() == before);
  CHECK((r.out + r.err).find("s3cret") == std::string::npos);

  // With --keep the databases stay: each is migc's own.
  RunResult kept = run_migc("verify " + quoted(project.path()) + " --dsn '" + dsn + "' --keep");
  CHECK(kept.exit_code == 0);
  std::set<std::string> after = databases();
  CHECK(after.size() > before.size());
  for (const auto& name : after) {
    if (before.count(name)) continue;
    CHECK(name.rfind("migc_verify_", 0) == 0);
    pg.psql_command("postgres", "DROP DATABASE \"" + name + "\";");
  }
  CHECK(databases() == before);
}

TEST_CASE("verify --docker without a Docker engine is a clear error", "[verify]") {
  if (find_program("docker") && run_shell("docker version --format '{{.Server.Version}}'").exit_code == 0) {
    WARN("a Docker engine answers here: the error path is not tested");
    return;
  }
  TempDir project;
  project.write("1.sql", "CREATE TABLE t (id int);\n");
  RunResult r = run_migc("verify " + quoted(project.path()) + " --docker");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("migc: error: --docker: ") == 0);
}
