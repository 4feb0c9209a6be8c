// Helpers for the reader tests of the yoyo family (yoyo, MigChain, migretti, hyperdjango):
// load a TempDir in one format and look at what came out.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "compiler/loader.h"
#include "tests/test_support.h"

namespace migc::test {

// Files are named "m/<relative path>" in messages.
inline MigrationSet load_dir(const TempDir& dir, Format format) {
  LoadOptions options;
  options.root = dir.path();
  options.display_root = "m";
  options.format = format;
  return load_migrations(options);
}

// The diagnostics of the CompileError that loading throws (the test fails if it loads).
inline std::vector<Diagnostic> load_errors(const TempDir& dir, Format format) {
  try {
    load_dir(dir, format);
  } catch (const CompileError& e) {
    return e.diagnostics();
  }
  FAIL("the directory loaded without an error");
  return {};
}

inline Diagnostic load_error(const TempDir& dir, Format format) { return load_errors(dir, format).front(); }

// "file:line:col" of a diagnostic.
inline std::string where(const Diagnostic& d) { return fmt::format("{}:{}:{}", d.file, d.at.line, d.at.column); }

inline std::vector<std::string> ids(const MigrationSet& set) {
  std::vector<std::string> out;
  for (const auto& m : set.migrations) out.push_back(m.id);
  return out;
}

inline const Migration& migration(const MigrationSet& set, std::string_view id) {
  auto it = std::find_if(set.migrations.begin(), set.migrations.end(), [&](const Migration& m) { return m.id == id; });
  REQUIRE(it != set.migrations.end());
  return *it;
}

inline std::vector<std::string> texts(const MigrationSet& set, const Block& block) {
  std::vector<std::string> out;
  for (const auto& s : block.statements) out.emplace_back(set.text(s));
  return out;
}

// Declared (not implicit) dependency targets.
inline std::vector<std::string> declared_deps(const Migration& m) {
  std::vector<std::string> out;
  for (const auto& d : m.deps)
    if (!d.implicit) out.push_back(d.target);
  return out;
}

inline std::vector<std::string> implicit_deps(const Migration& m) {
  std::vector<std::string> out;
  for (const auto& d : m.deps)
    if (d.implicit) out.push_back(d.target);
  return out;
}

// "line:col" in the original file of an expanded offset of file `file` of the set.
inline std::string position(const MigrationSet& set, uint32_t file, uint32_t offset) {
  LineCol at = set.file(file).position(offset);
  return fmt::format("{}:{}", at.line, at.column);
}

inline std::vector<std::string> warnings(const MigrationSet& set) {
  std::vector<std::string> out;
  for (const auto& d : set.warnings)
    out.push_back(d.at.line ? fmt::format("{}: {}", where(d), d.message) : fmt::format("{}: {}", d.file, d.message));
  return out;
}

}  // namespace migc::test
