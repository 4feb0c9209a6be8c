#include "compiler/yoyo_sql.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "compiler/text_lines.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

// yoyo's own patterns (parse_metadata_from_sql_comments): directive names are case-sensitive.
const std::regex& directive_pattern() {
  static const std::regex re(R"(^\s*--\s*(transactional|depends)\s*:\s*(.*)$)");
  return re;
}

const std::regex& comment_or_blank_pattern() {
  static const std::regex re(R"(^(\s*|\s*--.*)$)");
  return re;
}

const std::regex& directive_lookalike_pattern() {
  static const std::regex re(R"(^\s*--\s*(transactional|depends)\s*:)", std::regex::icase);
  return re;
}

// The ids of a `depends` value: split on white space, each at its own offset.
void add_depends(YoyoSqlHeader& header, std::string_view value, uint32_t offset, uint32_t file_index) {
  size_t i = 0;
  while (i < value.size()) {
    if (std::isspace(static_cast<unsigned char>(value[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < value.size() && !std::isspace(static_cast<unsigned char>(value[j]))) ++j;
    header.depends.push_back({std::string(value.substr(i, j - i)), DependencyRef::Type::Requires, false,
                              Place{file_index, offset + static_cast<uint32_t>(i)}});
    i = j;
  }
}

// A description line as yoyo keeps it: `line.strip().lstrip("-").strip()`.
std::string_view decommented(std::string_view line) {
  line = trim_space(line);
  while (!line.empty() && line.front() == '-') line.remove_prefix(1);
  return trim_space(line);
}

}  // namespace

YoyoSqlHeader read_yoyo_sql_header(const SourceFile& file, uint32_t file_index) {
  YoyoSqlHeader header;
  std::string_view text = file.text();
  std::vector<std::string_view> comments;
  for (const TextLine& line : text_lines(text)) {
    std::string s(line_content(text, line));
    std::smatch m;
    if (std::regex_match(s, m, directive_pattern())) {
      header.directive_lines.push_back(line.begin);
      auto value_offset = line.begin + static_cast<uint32_t>(m.position(2));
      if (m.str(1) == "depends") {
        add_depends(header, m.str(2), value_offset, file_index);
      } else if (header.transactional) {
        header.transactional->value += " " + m.str(2);
        header.transactional->offset = value_offset;
        header.transactional->repeated = true;
      } else {
        header.transactional = YoyoDirective{m.str(2), value_offset};
      }
    } else if (std::regex_match(s, comment_or_blank_pattern())) {
      comments.push_back(decommented(line_content(text, line)));
    } else {
      break;  // the first SQL line ends the header
    }
  }
  while (!comments.empty() && comments.back().empty()) comments.pop_back();
  auto first = std::find_if(comments.begin(), comments.end(), [](std::string_view c) { return !c.empty(); });
  for (auto it = first; it != comments.end(); ++it) {
    if (it != first) header.description += '\n';
    header.description += *it;
  }
  return header;
}

TxMode yoyo_sql_tx(const SourceFile& file, const YoyoSqlHeader& header) {
  if (!header.transactional) return TxMode::Transaction;
  const YoyoDirective& t = *header.transactional;
  std::string value = ascii_lower(t.value);
  if (value == "true") return TxMode::Transaction;
  if (value == "false") return TxMode::None;
  Diagnostic d =
      t.repeated
          ? diagnostic_at(Severity::Error, file, t.offset,
                          fmt::format("'-- transactional:' is given more than once; yoyo joins the values "
                                      "into '{}', which is neither true nor false",
                                      t.value))
          : diagnostic_at(Severity::Error, file, t.offset,
                          fmt::format("invalid '-- transactional:' value '{}': expected true or false", t.value));
  if (!t.repeated && (ascii_lower(trim_space(t.value)) == "true" || ascii_lower(trim_space(t.value)) == "false"))
    d.hints.push_back("yoyo compares the whole text after the colon: remove the trailing spaces");
  throw CompileError(std::move(d));
}

std::vector<uint32_t> unread_yoyo_directives(std::string_view text, const std::vector<uint32_t>& read_lines) {
  std::vector<uint32_t> out;
  for (const TextLine& line : text_lines(text)) {
    std::string_view l = line_content(text, line);
    if (l.find("--") == std::string_view::npos) continue;  // cheap filter before the regex
    std::string s(l);
    if (std::regex_search(s, directive_lookalike_pattern()) &&
        std::find(read_lines.begin(), read_lines.end(), line.begin) == read_lines.end())
      out.push_back(line.begin);
  }
  return out;
}

}  // namespace migc
