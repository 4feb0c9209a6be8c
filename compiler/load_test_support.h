// Helpers for the format readers' tests: load a TempDir in a given format, look at what came
// out, and catch the CompileError of a bad directory.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "compiler/loader.h"
#include "tests/test_support.h"

namespace migc::test {

inline MigrationSet load_dir(const TempDir& dir, Format format, std::map<std::string, std::string> placeholders = {}) {
  LoadOptions options;
  options.root = dir.path();
  options.display_root = "m";
  options.format = format;
  options.placeholders = std::move(placeholders);
  return load_migrations(options);
}

// A folder of the shared corpus loaded in `format`; nullopt, with a warning that the test is
// skipped, when the corpus is absent.
inline std::optional<MigrationSet> load_corpus(const std::string& relpath, Format format,
                                               std::map<std::string, std::string> placeholders = {}) {
  LoadOptions options;
  options.root = corpus_dir() / relpath;
  if (!std::filesystem::is_directory(options.root)) {
    WARN("corpus folder " << options.root.string() << " is absent: test skipped");
    return std::nullopt;
  }
  options.display_root = relpath;
  options.format = format;
  options.placeholders = std::move(placeholders);
  return load_migrations(options);
}

// The first diagnostic of the CompileError that loading throws.
inline Diagnostic load_error(const TempDir& dir, Format format, std::map<std::string, std::string> placeholders = {}) {
  try {
    load_dir(dir, format, std::move(placeholders));
  } catch (const CompileError& e) {
    return e.diagnostics().front();
  }
  throw std::logic_error("the directory loaded without an error");
}

inline std::vector<std::string> ids(const MigrationSet& set) {
  std::vector<std::string> out;
  for (const auto& m : set.migrations) out.push_back(m.id);
  return out;
}

inline const Migration& migration(const MigrationSet& set, const std::string& id) {
  for (const auto& m : set.migrations)
    if (m.id == id) return m;
  throw std::logic_error("no migration " + id);
}

// Each statement's range as text, exactly (leading comments and line breaks included).
inline std::vector<std::string> texts(const MigrationSet& set, const Block& block) {
  std::vector<std::string> out;
  for (const auto& s : block.statements) out.emplace_back(set.text(s));
  return out;
}

// The implicit and declared Requires targets of a migration, in order.
inline std::vector<std::string> deps(const Migration& m) {
  std::vector<std::string> out;
  for (const auto& d : m.deps) out.push_back(d.target);
  return out;
}

inline std::vector<std::string> warning_messages(const MigrationSet& set) {
  std::vector<std::string> out;
  for (const auto& w : set.warnings) out.push_back(w.file + ": " + w.message);
  return out;
}

}  // namespace migc::test
