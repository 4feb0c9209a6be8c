#include "emit/unified_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "compiler/text_lines.h"

namespace migc {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {  // each with its line break
  std::vector<std::string_view> lines;
  for (const TextLine& l : text_lines(text)) lines.push_back(text.substr(l.begin, l.next - l.begin));
  return lines;
}

// Hunk ranges count from 1; an empty range is numbered by the line before it.
std::string hunk_range(size_t first, size_t count) {
  return count == 1 ? fmt::format("{}", first + 1) : fmt::format("{},{}", count ? first + 1 : first, count);
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const auto a = split_lines(before), b = split_lines(after);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  constexpr size_t context = 3;
  const size_t first = prefix - std::min(prefix, context);
  const size_t trailing = std::min(suffix, context);
  const size_t a_end = a.size() - suffix + trailing, b_end = b.size() - suffix + trailing;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n@@ -{} +{} @@\n", path, path, hunk_range(first, a_end - first),
                                hunk_range(first, b_end - first));
  for (size_t i = first; i < prefix; ++i) append_line(out, ' ', a[i]);
  for (size_t i = prefix; i < a.size() - suffix; ++i) append_line(out, '-', a[i]);
  for (size_t i = prefix; i < b.size() - suffix; ++i) append_line(out, '+', b[i]);
  for (size_t i = a.size() - suffix; i < a_end; ++i) append_line(out, ' ', a[i]);
  return out;
}

}  // namespace migc
