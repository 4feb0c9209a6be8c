#include "compiler/source_file.h"

#include <algorithm>

namespace migc {

SourceFile::SourceFile(std::string path, std::string display_path, std::string original)
    : path_(std::move(path)), display_path_(std::move(display_path)), original_(std::move(original)), text_(original_) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < original_.size(); ++i) {
    // \n, \r\n and a lone \r each end a line.
    if (original_[i] == '\n' || (original_[i] == '\r' && (i + 1 >= original_.size() || original_[i + 1] != '\n')))
      line_starts_.push_back(i + 1);
  }
}

void SourceFile::set_expanded(std::string text, std::vector<Replacement> replacements) {
  text_ = std::move(text);
  replacements_ = std::move(replacements);
}

uint32_t SourceFile::original_offset(uint32_t expanded) const {
  // Find the last replacement that starts at or before `expanded`.
  auto it = std::upper_bound(replacements_.begin(), replacements_.end(), expanded,
                             [](uint32_t off, const Replacement& r) { return off < r.expanded_begin; });
  if (it == replacements_.begin()) return expanded;
  const Replacement& r = *std::prev(it);
  if (expanded < r.expanded_end) {
    // A same-length range is a copy (or an escape-free piece): map byte for byte. Inside a
    // token that changed length, point at the token.
    bool copy = r.expanded_end - r.expanded_begin == r.original_end - r.original_begin;
    return copy ? r.original_begin + (expanded - r.expanded_begin) : r.original_begin;
  }
  return r.original_end + (expanded - r.expanded_end);
}

LineCol SourceFile::original_position(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

LineCol SourceFile::position(uint32_t expanded_offset) const {
  return original_position(original_offset(expanded_offset));
}

std::string_view SourceFile::original_line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(original_.size());
  while (end > begin && (original_[end - 1] == '\n' || original_[end - 1] == '\r')) --end;
  return std::string_view(original_).substr(begin, end - begin);
}

}  // namespace migc
