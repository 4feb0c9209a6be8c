// Splits SQL text into statements the way PostgreSQL's own lexer sees them: semicolons inside
// quotes, dollar quotes, comments, parentheses (CREATE RULE … (a; b)), BEGIN ATOMIC … END
// bodies and COPY … FROM STDIN data do not end a statement.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/ir.h"

namespace migc {

// Statements of text[begin, end) of `file`. Each range runs from the end of the previous one
// through its `;` and the rest of that line when only a comment follows, so the ranges tile
// [begin, end) exactly. Trailing text without a `;` forms the last range.
std::vector<Statement> split_sql(std::string_view text, uint32_t file, uint32_t begin, uint32_t end);

// Offset of the first byte in text[begin, end) that is neither white space nor a comment;
// `end` if there is none.
uint32_t skip_blank_and_comments(std::string_view text, uint32_t begin, uint32_t end);

// Offset just after the last byte of text[begin, end) that is code: trailing white space and
// comments excluded, quoted text and dollar quotes included.
uint32_t end_of_code(std::string_view text, uint32_t begin, uint32_t end);

inline bool is_blank_or_comments(std::string_view text, uint32_t begin, uint32_t end) {
  return skip_blank_and_comments(text, begin, end) == end;
}

}  // namespace migc
