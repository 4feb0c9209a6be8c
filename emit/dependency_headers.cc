#include "emit/dependency_headers.h"

#include <cctype>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/text_lines.h"

namespace migc {

namespace {

std::string_view line_break(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

// yoyo reads directives among the comment and blank lines that open the file (formats.md §1.3);
// a repeated `depends` is joined, so all of them are replaced by one.
std::string with_sql_depends(std::string_view text, const std::vector<std::string>& ids) {
  static const std::regex directive(R"(^\s*--\s*depends\s*:)");
  static const std::regex header_line(R"(^(\s*|\s*--.*)$)");
  const std::string line = ids.empty() ? "" : fmt::format("-- depends: {}{}", fmt::join(ids, " "), line_break(text));
  std::string out;
  bool written = false, in_header = true;
  for (const TextLine& l : text_lines(text)) {
    std::string_view raw = text.substr(l.begin, l.next - l.begin);
    std::string content(line_content(text, l));
    in_header = in_header && std::regex_match(content, header_line);
    if (in_header && std::regex_search(content, directive)) {
      if (!written) out += line;
      written = true;
      continue;
    }
    out += raw;
  }
  return written ? out : line + out;
}

std::vector<std::string> quoted(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back("\"" + id + "\"");
  return out;
}

// The end of the Python string literal that starts at `i` (a quote, maybe after a prefix).
size_t skip_python_string(std::string_view text, size_t i) {
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;  // r, u prefixes
  char quote = text[i];
  bool triple = text.substr(i, 3) == std::string(3, quote);
  size_t width = triple ? 3 : 1;
  for (i += width; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text.substr(i, width) == std::string(width, quote)) return i + width;
  }
  return text.size();
}

// The end of the value assigned at `i`: a bracketed list (possibly over several lines, as
// Python joins lines inside brackets), set(), or string literals on one line.
size_t skip_python_value(std::string_view text, size_t i) {
  int depth = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' || c == '\'' || ((c == 'r' || c == 'R' || c == 'u' || c == 'U') && i + 1 < text.size() &&
                                  (text[i + 1] == '"' || text[i + 1] == '\''))) {
      i = skip_python_string(text, i);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if ((c == '\n' || c == '#') && depth == 0) return i;
    ++i;
  }
  return i;
}

std::string with_python_depends(std::string_view text, const std::vector<std::string>& ids) {
  const std::string_view nl = line_break(text);
  const std::string assignment = fmt::format("__depends__ = {{{}}}", fmt::join(quoted(ids), ", "));
  // An existing assignment: a module-level statement starts at column 0.
  for (const TextLine& l : text_lines(text)) {
    if (text.substr(l.begin, 11) != "__depends__") continue;
    size_t value = text.find('=', l.begin) + 1;
    size_t end = skip_python_value(text, value);
    if (!ids.empty()) return std::string(text.substr(0, l.begin)) + assignment + std::string(text.substr(end));
    // Removing it: the whole line goes, with its comment and line break.
    size_t line_end = text.find('\n', end);
    line_end = line_end == std::string_view::npos ? text.size() : line_end + 1;
    return std::string(text.substr(0, l.begin)) + std::string(text.substr(line_end));
  }
  if (ids.empty()) return std::string(text);
  // None yet: after the comments and the docstring that open the module.
  size_t at = 0;
  for (const TextLine& l : text_lines(text)) {
    std::string_view content = trim_space(line_content(text, l));
    if (!content.empty() && content[0] != '#') break;
    at = l.next;
  }
  if (at < text.size() && (text[at] == '"' || text[at] == '\'' || text.substr(at, 2) == "r\"")) {
    at = skip_python_string(text, at);
    size_t line_end = text.find('\n', at);
    at = line_end == std::string_view::npos ? text.size() : line_end + 1;
  }
  std::string before(text.substr(0, at));
  if (!before.empty() && before.back() != '\n') before += nl;
  return before + assignment + std::string(nl) + std::string(text.substr(at));
}

}  // namespace

std::string with_yoyo_depends(std::string_view path, std::string_view text, const std::vector<std::string>& ids) {
  return path.ends_with(".py") ? with_python_depends(text, ids) : with_sql_depends(text, ids);
}

}  // namespace migc
