#include "compiler/yoyo_sql.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "compiler/text_lines.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

struct DirectiveMatch {
  std::string_view name;  // "depends" or "transactional", as written
  size_t value = 0;       // where the value begins in the line
};

// yoyo's directive pattern `^\s*--\s*(transactional|depends)\s*:\s*(.*)$` (case-sensitive) on
// one line; with `any_case`, names in any case match too.
std::optional<DirectiveMatch> match_directive(std::string_view line, bool any_case) {
  auto skip_space = [&](size_t i) {
    while (i < line.size() && is_space(line[i])) ++i;
    return i;
  };
  size_t i = skip_space(0);
  if (line.substr(i, 2) != "--") return std::nullopt;
  size_t name_begin = skip_space(i + 2);
  size_t name_end = name_begin;
  while (name_end < line.size() && std::isalpha(static_cast<unsigned char>(line[name_end]))) ++name_end;
  std::string_view name = line.substr(name_begin, name_end - name_begin);
  std::string key = any_case ? ascii_lower(name) : std::string(name);
  if (key != "depends" && key != "transactional") return std::nullopt;
  i = skip_space(name_end);
  if (i >= line.size() || line[i] != ':') return std::nullopt;
  return DirectiveMatch{name, skip_space(i + 1)};
}

// yoyo's `^(\s*|\s*--.*)$`: a blank line or a comment line.
bool is_comment_or_blank(std::string_view line) {
  std::string_view rest = trim_space(line);
  return rest.empty() || rest.starts_with("--");
}

// The ids of a `depends` value: split on white space, each at its own offset.
void add_depends(YoyoSqlHeader& header, std::string_view value, uint32_t offset, uint32_t file_index) {
  size_t i = 0;
  while (i < value.size()) {
    if (is_space(value[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < value.size() && !is_space(value[j])) ++j;
    header.depends.push_back({.target = std::string(value.substr(i, j - i)),
                              .declared_at = Place{file_index, offset + static_cast<uint32_t>(i)}});
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
    std::string_view l = line_content(text, line);
    if (auto m = match_directive(l, false)) {
      header.directive_lines.push_back(line.begin);
      auto value_offset = line.begin + static_cast<uint32_t>(m->value);
      std::string_view value = l.substr(m->value);
      if (m->name == "depends") {
        add_depends(header, value, value_offset, file_index);
      } else if (header.transactional) {
        header.transactional->value += " " + std::string(value);
        header.transactional->offset = value_offset;
        header.transactional->repeated = true;
      } else {
        header.transactional = YoyoDirective{std::string(value), value_offset};
      }
    } else if (is_comment_or_blank(l)) {
      comments.push_back(decommented(l));
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
  std::string trimmed = ascii_lower(trim_space(t.value));
  if (!t.repeated && (trimmed == "true" || trimmed == "false"))
    d.hints.push_back("yoyo compares the whole text after the colon: remove the trailing spaces");
  throw CompileError(std::move(d));
}

std::vector<uint32_t> unread_yoyo_directives(std::string_view text, const std::vector<uint32_t>& read_lines) {
  std::vector<uint32_t> out;
  for (const TextLine& line : text_lines(text))
    if (match_directive(line_content(text, line), true) &&
        std::find(read_lines.begin(), read_lines.end(), line.begin) == read_lines.end())
      out.push_back(line.begin);
  return out;
}

}  // namespace migc
