// yoyo SQL migration files (formats.md §1.3): the `-- depends:` and `-- transactional:`
// directives among the comment lines that open the file, and the description those lines form.
// Shared by the yoyo and MigChain readers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.h"

namespace migc {

struct YoyoDirective {
  std::string value;    // the text after the colon, as yoyo sees it (trailing spaces included)
  uint32_t offset = 0;  // where that text begins
  bool repeated = false;
};

struct YoyoSqlHeader {
  std::vector<DependencyRef> depends;           // each id where it is written
  std::optional<YoyoDirective> transactional;   // repeats joined with a space, as yoyo does
  std::string description;                      // the other opening comment lines, without `--`
  std::vector<uint32_t> directive_lines;        // where each directive yoyo reads begins
};

// Reads the header of `file` (the file's index in the set is `file_index`, for DependencyRef).
YoyoSqlHeader read_yoyo_sql_header(const SourceFile& file, uint32_t file_index);

// TxMode::None for `-- transactional: false`, Transaction otherwise; a value yoyo would not
// accept is an error at the value.
TxMode yoyo_sql_tx(const SourceFile& file, const YoyoSqlHeader& header);

// Lines that look like directives (names in any case) but are not among `read_lines`, i.e.
// lines yoyo treats as plain comments: after the first SQL line, or with a name in the wrong
// case; in a rollback file, where yoyo reads no directive, pass no `read_lines`.
std::vector<uint32_t> unread_yoyo_directives(std::string_view text, const std::vector<uint32_t>& read_lines);

}  // namespace migc
