// Real migration directories from public projects (../shared/corpus): each must compile, twice
// to the same bytes, and its deploy.sql must apply with psql -v ON_ERROR_STOP=1 to an empty
// PostgreSQL started by the test. Skipped, saying so, when the corpus folder is absent.
//
// Some projects' runners provide things before the first migration (a schema, roles, a
// bookkeeping table); each case's `prelude` provides exactly that and says why.
#include <map>

#include <catch2/catch.hpp>

#include "tests/test_postgres.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace migc::test;

namespace {

struct CorpusCase {
  std::string dir;                           // below the corpus folder
  std::string args;                          // extra `migc build` flags
  std::string prelude;                       // SQL run as postgres before deploying
  std::vector<std::string> setup_scripts;    // corpus files run first, errors tolerated
  std::string user = "postgres";             // who runs the setup scripts and deploy.sql
  std::map<std::string, std::string> extra;  // files added to a copy of the directory
};

bool corpus_present(const fs::path& dir) {
  if (fs::is_directory(dir)) return true;
  WARN("corpus folder " << dir.string() << " is absent: test skipped");
  return false;
}

void build_and_apply(const CorpusCase& c) {
  fs::path dir = corpus_dir() / c.dir;
  if (!corpus_present(dir)) return;
  TempDir work;
  if (!c.extra.empty()) {
    fs::copy(dir, work.path() / "input", fs::copy_options::recursive);
    for (const auto& [name, content] : c.extra) work.write("input/" + name, content);
    dir = work.path() / "input";
  }
  auto build = [&](const std::string& out) {
    return run_migc("build '" + dir.string() + "' -o '" + (work.path() / out).string() + "' " + c.args);
  };
  RunResult first = build("out");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(build("again").exit_code == 0);
  for (const char* artifact : {"deploy.sql", "plan.json", "graph.mmd"})
    CHECK(work.read(std::string("out/") + artifact) == work.read(std::string("again/") + artifact));

  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): apply step skipped");
    return;
  }
  std::string db = pg.create_database();
  if (!c.prelude.empty()) REQUIRE(pg.psql_command(db, c.prelude).exit_code == 0);
  for (const auto& script : c.setup_scripts) pg.psql_file(db, corpus_dir() / script, c.user, false);
  RunResult apply = pg.psql_file(db, work.path() / "out" / "deploy.sql", c.user);
  INFO(apply.err);
  CHECK(apply.exit_code == 0);
}

}  // namespace

TEST_CASE("corpus harness (plain) builds and applies", "[corpus]") {
  // harness's migrator creates its `migrations` table before running the files. One down file
  // is MySQL syntax, so this build is deploy-only (the next test checks the error).
  build_and_apply({"harness/app/store/database/migrate/postgres", "--no-rollback",
                   "CREATE TABLE migrations (version text NOT NULL);"});
}

TEST_CASE("corpus harness: the MySQL down file is named with file:line:col", "[corpus]") {
  fs::path dir = corpus_dir() / "harness/app/store/database/migrate/postgres";
  if (!corpus_present(dir)) return;
  TempDir out;
  RunResult r = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "/out'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("0029_create_index_job_job_group_id_down.sql:1:25: error: syntax error") != std::string::npos);
  CHECK(r.err.find("MySQL") != std::string::npos);
  CHECK_FALSE(fs::exists(out.path() / "out"));
}

TEST_CASE("corpus hatchet (goose) builds and applies", "[corpus]") {
  // v1_0_99 is a Go migration, absent from the SQL corpus: it creates the *_new OLAP tables that
  // v1_0_100 swaps in. A goose SQL stand-in does the same.
  build_and_apply({"hatchet/cmd/hatchet-migrate/migrate/migrations", "", "", {}, "postgres",
                   {{"20260424205452_v1_0_99_stand_in.sql",
                     "-- +goose Up\n-- +goose StatementBegin\nDO $$\nDECLARE t text;\nBEGIN\n"
                     "    FOREACH t IN ARRAY ARRAY['v1_runs_olap', 'v1_tasks_olap', 'v1_dags_olap'] LOOP\n"
                     "        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING ALL) PARTITION BY %s', t || '_new', t,\n"
                     "                       pg_get_partkeydef(t::regclass));\n"
                     "    END LOOP;\nEND;\n$$;\n-- +goose StatementEnd\n"}}});
}

TEST_CASE("corpus ohdsi-webapi (Flyway, placeholders) builds and applies", "[corpus]") {
  // Flyway creates the schema named in flyway.schemas (${ohdsiSchema}) and makes it the search_path.
  build_and_apply({"ohdsi-webapi/src/main/resources/db/migration/postgresql", "--placeholder ohdsiSchema=webapi",
                   "CREATE SCHEMA webapi;\n"
                   "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = webapi, public', "
                   "current_database()); END $$;"});
}

TEST_CASE("corpus ohdsi-webapi: an unset placeholder is named", "[corpus]") {
  fs::path dir = corpus_dir() / "ohdsi-webapi/src/main/resources/db/migration/postgresql";
  if (!corpus_present(dir)) return;
  TempDir out;
  RunResult r = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "/out'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("V1.0.0.1__schema-create_spring_batch.sql:1:14: error: unresolved placeholder '${ohdsiSchema}'") !=
        std::string::npos);
}

TEST_CASE("corpus kratos (pop) builds and applies", "[corpus]") {
  build_and_apply({"kratos/persistence/sql/migrations/sql", "", ""});
}

TEST_CASE("corpus supabase-postgres (dbmate) builds and applies", "[corpus]") {
  // Supabase's image provides a superuser supabase_admin that runs everything, the roles the
  // pgsodium extension creates, and the init scripts (run as they are; pgjwt, which plain
  // PostgreSQL lacks, fails there and nothing later needs it).
  build_and_apply({"supabase-postgres/migrations/db/migrations", "",
                   "CREATE ROLE supabase_admin SUPERUSER LOGIN;\n"
                   "CREATE ROLE pgsodium_keyholder; CREATE ROLE pgsodium_keyiduser; CREATE ROLE pgsodium_keymaker;",
                   {"supabase-postgres/migrations/db/init-scripts/00000000000000-initial-schema.sql",
                    "supabase-postgres/migrations/db/init-scripts/00000000000001-auth-schema.sql",
                    "supabase-postgres/migrations/db/init-scripts/00000000000002-storage-schema.sql",
                    "supabase-postgres/migrations/db/init-scripts/00000000000003-post-setup.sql"},
                   "supabase_admin"});
}

TEST_CASE("corpus documenso (Prisma) builds and applies", "[corpus]") {
  build_and_apply({"documenso/packages/prisma/migrations", "", ""});
}

TEST_CASE("corpus fider (plain numbered) builds and applies", "[corpus]") {
  build_and_apply({"fider/migrations", "", ""});
}

TEST_CASE("corpus crates-io (diesel) builds deploy-only and applies", "[corpus]") {
  // One down.sql lacks a ';' (the next test checks the error), so this build is deploy-only.
  build_and_apply({"crates-io/migrations", "--no-rollback", ""});
}

TEST_CASE("corpus crates-io: the down.sql that lacks a ';' is named", "[corpus]") {
  fs::path dir = corpus_dir() / "crates-io/migrations";
  if (!corpus_present(dir)) return;
  TempDir out;
  RunResult r = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "/out'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("20170318181441_downloads_need_no_id/down.sql:2:1: error: syntax error") != std::string::npos);
}

TEST_CASE("corpus supabase-auth: Go templates are named as such", "[corpus]") {
  fs::path dir = corpus_dir() / "supabase-auth/migrations";
  if (!corpus_present(dir)) return;
  TempDir out;
  RunResult r = run_migc("build '" + dir.string() + "' -o '" + out.path().string() + "/out'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("00_init_auth_schema.up.sql:3:28: error: syntax error") != std::string::npos);
  CHECK(r.err.find("looks like a template") != std::string::npos);
}
