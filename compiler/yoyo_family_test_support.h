// More helpers for the reader tests of the yoyo family (yoyo, MigChain, migretti,
// hyperdjango), on top of load_test_support.h: every error of a bad directory, positions, and
// dependencies by kind.
#pragma once
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compiler/load_test_support.h"

namespace migc::test {

// Every diagnostic of the CompileError that loading throws.
inline std::vector<Diagnostic> load_errors(const TempDir& dir, Format format) {
  try {
    load_dir(dir, format);
  } catch (const CompileError& e) {
    return e.diagnostics();
  }
  throw std::logic_error("the directory loaded without an error");
}

// "file:line:col" of a diagnostic.
inline std::string where(const Diagnostic& d) { return fmt::format("{}:{}:{}", d.file, d.at.line, d.at.column); }

// "line:col" in the original file of an expanded offset of file `file` of the set.
inline std::string position(const MigrationSet& set, uint32_t file, uint32_t offset) {
  LineCol at = set.file(file).position(offset);
  return fmt::format("{}:{}", at.line, at.column);
}

// The warnings as "file[:line:col]: message".
inline std::vector<std::string> warnings(const MigrationSet& set) {
  std::vector<std::string> out;
  for (const auto& d : set.warnings) out.push_back(fmt::format("{}: {}", d.at.line ? where(d) : d.file, d.message));
  return out;
}

inline std::vector<std::string> deps_of_kind(const Migration& m, bool implicit) {
  std::vector<std::string> out;
  for (const auto& d : m.deps)
    if (d.implicit == implicit) out.push_back(d.target);
  return out;
}

inline std::vector<std::string> declared_deps(const Migration& m) { return deps_of_kind(m, false); }
inline std::vector<std::string> implicit_deps(const Migration& m) { return deps_of_kind(m, true); }

}  // namespace migc::test
