// What the tests on ../shared/corpus share: skipping when a corpus folder is absent, a copy of a
// folder with files added, and the stand-in hatchet's corpus needs.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace migc::test {

// True when `dir` exists; else false, with a warning that the test is skipped.
inline bool corpus_present(const std::filesystem::path& dir) {
  if (std::filesystem::is_directory(dir)) return true;
  WARN("corpus folder " << dir.string() << " is absent: test skipped");
  return false;
}

// `dir` itself, or when `extra` (path → content) is not empty a copy of it in work/input with
// those files added.
inline std::filesystem::path with_files(const std::filesystem::path& dir, const std::map<std::string, std::string>& extra,
                                        const TempDir& work) {
  if (extra.empty()) return dir;
  std::filesystem::copy(dir, work.path() / "input", std::filesystem::copy_options::recursive);
  for (const auto& [name, content] : extra) work.write("input/" + name, content);
  return work.path() / "input";
}

// hatchet's v1_0_99 is a Go migration, absent from the SQL corpus: it creates the *_new OLAP
// tables that v1_0_100 swaps in. This goose SQL migration does the same.
inline const std::map<std::string, std::string> kHatchetStandIn = {
    {"20260424205452_v1_0_99_stand_in.sql",
     "-- +goose Up\n-- +goose StatementBegin\nDO $$\nDECLARE t text;\nBEGIN\n"
     "    FOREACH t IN ARRAY ARRAY['v1_runs_olap', 'v1_tasks_olap', 'v1_dags_olap'] LOOP\n"
     "        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING ALL) PARTITION BY %s', t || '_new', t,\n"
     "                       pg_get_partkeydef(t::regclass));\n"
     "    END LOOP;\nEND;\n$$;\n-- +goose StatementEnd\n"}};

}  // namespace migc::test
