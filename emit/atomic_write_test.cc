#include "emit/atomic_write.h"

#include <catch2/catch.hpp>

#include "tests/test_support.h"

namespace fs = std::filesystem;

TEST_CASE("write_files_atomically writes every file and leaves no temporary behind", "[atomic_write]") {
  migc::test::TempDir d;
  migc::write_files_atomically(d.path() / "out", {{"a.sql", "A"}, {"b.json", "B"}});
  CHECK(d.read("out/a.sql") == "A");
  CHECK(d.read("out/b.json") == "B");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(d.path() / "out")) entries += e.is_regular_file();
  CHECK(entries == 2);
}

TEST_CASE("write_files_atomically replaces nothing when one file cannot be written", "[atomic_write]") {
  migc::test::TempDir d;
  migc::write_files_atomically(d.path() / "out", {{"a.sql", "old"}});
  d.write("out/b.json/keep", "");  // a folder where a file must go
  CHECK_THROWS(migc::write_files_atomically(d.path() / "out", {{"a.sql", "new"}, {"b.json", "B"}}));
  CHECK(d.read("out/a.sql") == "old");
  for (const auto& e : fs::directory_iterator(d.path() / "out")) CHECK(e.path().filename().string()[0] != '.');
}

TEST_CASE("write_files_atomically writes into sub-folders, staging each file beside its target", "[atomic_write]") {
  migc::test::TempDir d;
  migc::write_files_atomically(d.path() / "out", {{"auth/users/a.py", "A"}});
  CHECK(d.read("out/auth/users/a.py") == "A");
  int entries = 0;
  for (const auto& e : fs::recursive_directory_iterator(d.path() / "out")) entries += e.is_regular_file();
  CHECK(entries == 1);
}
