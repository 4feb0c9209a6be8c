// Real migration directories from public projects (../shared/corpus): each must compile, and
// its deploy.sql must apply to an empty PostgreSQL started by the test. Skipped, saying so,
// when the corpus folder is absent.
#include <catch2/catch.hpp>

#include "tests/test_postgres.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace migc::test;

namespace {

struct CorpusCase {
  const char* dir;      // below the corpus folder
  const char* args;     // extra `migc build` flags
  const char* prelude;  // what the project's own runtime provides before its migrations run
};

void build_and_apply(const CorpusCase& c) {
  fs::path dir = corpus_dir() / c.dir;
  if (!fs::is_directory(dir)) {
    WARN("corpus folder " << dir.string() << " is absent: test skipped");
    return;
  }
  TempDir out;
  RunResult build = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "' " + c.args);
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  // Byte-identical on a second build.
  TempDir again;
  REQUIRE(run_migc("build '" + dir.string() + "' -o '" + again.path().string() + "' " + c.args).exit_code == 0);
  CHECK(out.read("deploy.sql") == again.read("deploy.sql"));
  CHECK(out.read("plan.json") == again.read("plan.json"));

  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): apply step skipped");
    return;
  }
  std::string db = pg.create_database();
  if (*c.prelude) REQUIRE(pg.psql_command(db, c.prelude).exit_code == 0);
  RunResult apply = pg.psql_file(db, out.path() / "deploy.sql");
  INFO(apply.err);
  CHECK(apply.exit_code == 0);
}

}  // namespace

TEST_CASE("corpus harness (plain, golang-migrate style names) builds and applies", "[corpus]") {
  // harness's migrator creates its own `migrations` table before running the files. One down
  // file is MySQL syntax, so build deploy-only here (the next test checks the error).
  build_and_apply({"harness/app/store/database/migrate/postgres", "--no-rollback",
                   "CREATE TABLE migrations (version text NOT NULL);"});
}

TEST_CASE("corpus harness: the MySQL down file is named with file:line:col", "[corpus]") {
  fs::path dir = corpus_dir() / "harness/app/store/database/migrate/postgres";
  if (!fs::is_directory(dir)) {
    WARN("corpus folder absent: test skipped");
    return;
  }
  TempDir out;
  RunResult r = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "/out'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("0029_create_index_job_job_group_id_down.sql:1:25: error: syntax error") != std::string::npos);
  CHECK(r.err.find("MySQL") != std::string::npos);
  CHECK_FALSE(fs::exists(out.path() / "out"));
}
