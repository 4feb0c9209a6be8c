// Lines of a migration file as the line-oriented runners (goose, dbmate) read them: split at
// '\n' with a '\r' before it dropped; a last line without '\n' counts, the empty tail after a
// final '\n' does not (Go's bufio.ScanLines).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace migc {

struct TextLine {
  uint32_t begin = 0;  // first byte
  uint32_t end = 0;    // end of the content, before the line break
  uint32_t next = 0;   // first byte after the line break
};

std::vector<TextLine> text_lines(std::string_view text);

inline std::string_view line_content(std::string_view text, const TextLine& line) {
  return text.substr(line.begin, line.end - line.begin);
}

bool is_space(char c);  // ASCII white space, as Go's unicode.IsSpace on ASCII
std::string_view trim_space(std::string_view s);
// Offset in `text` of the first non-space byte of `line` (its end if there is none).
uint32_t first_non_space(std::string_view text, const TextLine& line);

}  // namespace migc
