#include "compiler/text_ranges.h"

#include <algorithm>

#include "compiler/loader.h"

namespace migc {

void append_range(std::vector<TextRange>& ranges, uint32_t begin, uint32_t end) {
  if (!ranges.empty() && ranges.back().end == begin) ranges.back().end = end;
  else ranges.push_back({begin, end});
}

Block ranges_block(const MigrationSet& set, uint32_t file, const std::vector<TextRange>& ranges, TxMode tx) {
  Block block{tx, {}};
  for (const auto& r : ranges) {
    Block part = sql_block(set, file, r.begin, r.end, tx);
    block.statements.insert(block.statements.end(), part.statements.begin(), part.statements.end());
  }
  return block;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool mentions(std::string_view text, std::string_view lower) {
  auto same = [](char a, char b) { return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b; };
  return std::search(text.begin(), text.end(), lower.begin(), lower.end(), same) != text.end();
}

}  // namespace migc
