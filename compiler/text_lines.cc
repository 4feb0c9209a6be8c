#include "compiler/text_lines.h"

namespace migc {

std::vector<TextLine> text_lines(std::string_view text) {
  std::vector<TextLine> lines;
  uint32_t begin = 0;
  auto size = static_cast<uint32_t>(text.size());
  while (begin < size) {
    size_t nl = text.find('\n', begin);
    uint32_t next = nl == std::string_view::npos ? size : static_cast<uint32_t>(nl + 1);
    uint32_t end = nl == std::string_view::npos ? size : static_cast<uint32_t>(nl);
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back({begin, end, next});
    begin = next;
  }
  return lines;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

uint32_t first_non_space(std::string_view text, const TextLine& line) {
  uint32_t i = line.begin;
  while (i < line.end && is_space(text[i])) ++i;
  return i;
}

}  // namespace migc
