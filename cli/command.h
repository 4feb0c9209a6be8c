// One migc subcommand: its CLI11 app (flags bound to state it owns) and how to run it once
// the command line is parsed. Each command lives in its own <name>_command.cc.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/config.h"
#include "analyzer/compile.h"

namespace migc {

struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Config&)> run;  // returns the exit code
};

Command add_build_command(CLI::App& parent);
Command add_graph_command(CLI::App& parent);
Command add_deps_command(CLI::App& parent);
Command add_schema_command(CLI::App& parent);
Command add_verify_command(CLI::App& parent);
Command add_lint_command(CLI::App& parent);
Command add_explain_command(CLI::App& parent);

// Flags every command that compiles a directory takes.
struct CommonFlags {
  std::string dir;
  std::string dir_format;
  std::vector<std::string> placeholders;  // name=value
  std::string pg_version;
  std::vector<std::string> include, exclude;
  bool no_seeds = false;
  std::vector<std::string> external;  // KIND:NAME
};

// `dir_option`: the directory is `--dir DIR` (positional arguments mean something else).
void add_common_flags(CLI::App* cmd, CommonFlags& f, bool dir_option = false);
// The compile options the flags ask for, falling back to migc.toml; throws CompileError on bad values.
CompileOptions compile_options(const CommonFlags& f, const Config& cfg);
void print_warnings(const MigrationSet& set);
[[noreturn]] void usage_error(const std::string& message);

}  // namespace migc
