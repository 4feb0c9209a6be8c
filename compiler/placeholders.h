// Placeholder substitution before parsing: `${name}` (Flyway's syntax) replaced from
// `--placeholder name=value` and migc.toml's [placeholders]. An unknown name is an error at
// its file:line:col.
#pragma once
#include <map>
#include <string>

#include "compiler/source_file.h"

namespace migc {

struct PlaceholderOptions {
  std::map<std::string, std::string> values;
  bool case_insensitive = true;  // Flyway matches names case-insensitively
};

// Expands every `${name}` in `file` (comments and strings included, as Flyway does). Built-in
// `${flyway:filename}` is the file's base name. Throws CompileError naming every unknown one.
void expand_placeholders(SourceFile& file, const PlaceholderOptions& options);

}  // namespace migc
