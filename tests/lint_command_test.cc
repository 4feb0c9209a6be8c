#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using migc::test::run_migc;
using migc::test::TempDir;

namespace {

// History (0001), one migration with a warning (0002) and one with an error (0003).
void write_project(const TempDir& d) {
  d.write("db/0001_init.sql", "CREATE TABLE users (id bigint, email text);\n");
  d.write("db/0002_nick.sql", "SET statement_timeout = '1min';\nALTER TABLE users ADD COLUMN nick text;\n");
  d.write("db/0003_index.sql", "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\n"
                               "CREATE INDEX CONCURRENTLY users_email ON users (email);\n");
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("migc lint: exit 1 on errors by default, --fail-on moves the threshold", "[lint-command]") {
  TempDir d;
  write_project(d);
  auto all = run_migc("lint --no-cache --dir db --format json", d.path());
  CHECK(all.exit_code == 1);
  auto findings = nlohmann::json::parse(all.out);
  CHECK(count(all.out, "\"rule\": \"ban-concurrent-index-creation-in-transaction\"") == 1);
  CHECK(count(all.out, "\"rule\": \"require-lock-timeout\"") == 1);  // 0002 only: 0003 sets it

  CHECK(run_migc("lint --no-cache --dir db db/0002_nick.sql", d.path()).exit_code == 0);
  CHECK(run_migc("lint --no-cache --dir db db/0002_nick.sql --fail-on warning", d.path()).exit_code == 1);
  CHECK(run_migc("lint --no-cache --dir db --fail-on never", d.path()).exit_code == 0);
  CHECK(run_migc("lint --no-cache --dir db --rule ban-concurrent-index-creation-in-transaction=warning", d.path()).exit_code == 0);
  CHECK(run_migc("lint --no-cache --dir db --no-assume-in-transaction", d.path()).exit_code == 0);
}

TEST_CASE("migc lint FILE…: only those are reported, the rest is history", "[lint-command]") {
  TempDir d;
  write_project(d);
  auto one = run_migc("lint --no-cache --dir db db/0002_nick.sql --format json", d.path());
  CHECK(one.exit_code == 0);
  CHECK(count(one.out, "\"file\": \"db/0002_nick.sql\"") == 1);
  CHECK(count(one.out, "\"file\":") == 1);
  // A file that is not a migration of the directory is skipped, saying so.
  d.write("other.sql", "SELECT 1;\n");
  auto other = run_migc("lint --no-cache --dir db other.sql", d.path());
  CHECK(other.exit_code == 0);
  CHECK(other.err.find("other.sql is not a migration file of db; skipped") != std::string::npos);
}

TEST_CASE("migc lint: [lint] in migc.toml and bad input", "[lint-command]") {
  TempDir d;
  write_project(d);
  d.write("migc.toml", "dir = \"db\"\n[lint]\nfail_on = \"warning\"\n[lint.rules]\n"
                       "ban-concurrent-index-creation-in-transaction = \"off\"\n"
                       "[lint.settings]\nlock_timeout = \"2s\"\n");
  auto configured = run_migc("lint --no-cache --format json", d.path());
  CHECK(configured.exit_code == 0);
  CHECK(configured.out == "[]\n");

  d.write("migc.toml", "dir = \"db\"\n[lint.rules]\nno-such-rule = \"off\"\n");
  auto bad = run_migc("lint --no-cache", d.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("migc.toml:3:1: error: unknown lint rule 'no-such-rule'") != std::string::npos);

  // [lint.naming] turns naming-convention on; a bad pattern is bad input.
  d.write("migc.toml", "dir = \"db\"\n[lint.naming]\nindex = \"^idx_\"\n");
  auto naming = run_migc("lint --no-cache --format json --fail-on never", d.path());
  CHECK(naming.exit_code == 0);
  CHECK(count(naming.out, "\"rule\": \"naming-convention\"") == 1);  // users_email
  d.write("migc.toml", "dir = \"db\"\n[lint.naming]\nindex = \"^idx_\"\n[lint.rules]\nnaming-convention = \"off\"\n");
  CHECK(count(run_migc("lint --no-cache --format json --fail-on never", d.path()).out, "naming-convention") == 0);
  d.write("migc.toml", "dir = \"db\"\n[lint.naming]\nindex = \"(\"\n");
  auto bad_pattern = run_migc("lint --no-cache", d.path());
  CHECK(bad_pattern.exit_code == 2);
  CHECK(bad_pattern.err.find("[lint.naming] index = '(' is not a regular expression") != std::string::npos);

  d.write("migc.toml", "dir = \"db\"\n[[lint.overrides]]\npaths = [\"0003_*\"]\nassume_in_transaction = false\n");
  CHECK(run_migc("lint --no-cache", d.path()).exit_code == 0);
  CHECK(run_migc("lint --no-cache --format yaml", d.path()).exit_code == 2);
}

TEST_CASE("migc explain prints a rule's page; an unknown rule lists them", "[lint-command]") {
  auto page = run_migc("explain require-lock-timeout");
  CHECK(page.exit_code == 0);
  CHECK(page.out.find("# require-lock-timeout\n") == 0);
  CHECK(page.out.find("## Safe recipe") != std::string::npos);
  auto alias = run_migc("explain require-timeout-settings");
  CHECK(alias.out.find("# require-lock-timeout") != std::string::npos);
  CHECK(alias.out.find("# require-statement-timeout") != std::string::npos);
  auto unknown = run_migc("explain nope");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("transaction-nesting") != std::string::npos);
}

TEST_CASE("migc lint: the runner's transaction comes from the format (yoyo -- transactional)", "[lint-command]") {
  TempDir d;
  d.write("db/0001_init.sql", "CREATE TABLE users (id bigint, email text);\n");
  d.write("db/0002_index.sql", "-- depends: 0001_init\nSET lock_timeout = '1s';\n"
                               "CREATE INDEX CONCURRENTLY users_email ON users (email);\n");
  d.write("db/0003_index.sql", "-- depends: 0002_index\n-- transactional: false\nSET lock_timeout = '1s';\n"
                               "CREATE INDEX CONCURRENTLY users_id ON users (id);\n");
  auto r = run_migc("lint --no-cache --dir db --dir-format yoyo --format json", d.path());
  CHECK(r.exit_code == 1);
  CHECK(count(r.out, "\"rule\": \"ban-concurrent-index-creation-in-transaction\"") == 1);
  CHECK(r.out.find("yoyo runs migration '0002_index' in one transaction") != std::string::npos);
}
