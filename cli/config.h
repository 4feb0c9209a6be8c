// migc.toml: project settings, found by walking up from the current directory. Every key is
// also a command-line flag; flags win.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace migc {

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

  // A path from the file (dir, out): relative ones are relative to the file's folder.
  std::filesystem::path path_of(const std::string& value) const;
};

// The nearest migc.toml at or above `start`, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Reads a migc.toml. Throws CompileError (file:line:col) for a syntax error, an unknown key or a
// value of the wrong type.
Config read_config(const std::filesystem::path& file);

}  // namespace migc
