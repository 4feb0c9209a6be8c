// migc.toml: project settings, found by walking up from the current directory. Every key is
// also a command-line flag; flags win.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace migc {

// [lint] of migc.toml (docs/LINT.md). Rule names and levels are checked when the file is read.
struct LintConfig {
  std::optional<std::string> pg_version;  // the target for lint only (else the top-level pg_version)
  std::optional<std::string> fail_on;     // error, warning, info or never
  std::optional<std::string> format;      // text, json, sarif or github
  std::optional<bool> assume_in_transaction;
  std::map<std::string, std::string> rules;     // [lint.rules]: rule or alias → error|warning|info|on|off
  std::map<std::string, std::string> settings;  // [lint.settings]: what the runner sets before each migration
  std::map<std::string, std::string> naming;    // [lint.naming]: object kind → pattern (naming-convention)
  struct Override {                             // [[lint.overrides]]
    std::vector<std::string> paths;             // globs relative to the migrations directory
    std::map<std::string, std::string> rules;
    std::optional<bool> assume_in_transaction;
  };
  std::vector<Override> overrides;
};

struct Config {
  std::optional<std::filesystem::path> file;  // the migc.toml that was read, if any
  std::optional<std::string> dir;             // relative paths are resolved against the file's folder
  std::optional<std::string> dir_format;
  std::optional<std::string> out;
  std::optional<std::string> pg_version;
  std::vector<std::string> include, exclude;
  std::optional<bool> no_seeds, track;
  std::optional<std::string> track_table;
  std::map<std::string, std::string> placeholders;
  std::vector<std::string> external;  // "KIND:NAME" objects the target database already has
  LintConfig lint;

  // A path from the file (dir, out): relative ones are relative to the file's folder.
  std::filesystem::path path_of(const std::string& value) const;
};

// The nearest migc.toml at or above `start`, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Reads a migc.toml. Throws CompileError (file:line:col) for a syntax error, an unknown key or a
// value of the wrong type.
Config read_config(const std::filesystem::path& file);

}  // namespace migc
