// Directive comments in migration files, bound to statements rather than lines:
//   -- migc:ignore rule-a, rule-b   the statement on the comment's line, or the next one
//   -- migc:ignore-file rule        every statement of the file
// squawk's spellings (squawk-ignore, squawk-ignore-file) are read the same way, so squawk users
// keep their comments. The test harness reads "-- expect: rule" with the same functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migc {

struct DirectiveComment {
  uint32_t begin = 0, end = 0;     // the comment in the file's text, from "--" to the end of its line
  std::string_view keyword;        // the keyword it starts with, one of those asked for
  std::vector<std::string> names;  // the names after it (split at commas and spaces), up to " -- reason"
};

// Every "-- <keyword> names" line comment of `text` whose keyword is one of `keywords` (a
// keyword that is a prefix of another must come after it).
std::vector<DirectiveComment> directive_comments(std::string_view text, const std::vector<std::string_view>& keywords);

// The statement a comment belongs to: the first (of `code_ends`, the sorted ends of each
// statement's code in the same text) whose last line is at or below the comment's line. nullopt
// when the comment follows every statement.
std::optional<size_t> statement_of_comment(std::string_view text, const std::vector<uint32_t>& code_ends,
                                           uint32_t comment);

}  // namespace migc
