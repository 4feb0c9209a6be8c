#include "analyzer/identifier_text.h"

namespace migc {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void skip_spaces(std::string_view text, size_t& at) {
  while (at < text.size() && is_space(text[at])) ++at;
}

// A quoted identifier starting at text[at] == '"'; advances past the closing quote.
std::optional<std::string> quoted(std::string_view text, size_t& at) {
  std::string out;
  for (++at; at < text.size(); ++at) {
    if (text[at] != '"') {
      out += text[at];
    } else if (at + 1 < text.size() && text[at + 1] == '"') {
      out += '"';
      ++at;
    } else {
      ++at;
      if (out.empty()) return std::nullopt;  // "" is not an identifier
      return out;
    }
  }
  return std::nullopt;
}

// An unquoted identifier: everything up to the separator or whitespace, ASCII-folded to lower
// case as downcase_identifier() does in a UTF-8 database.
std::optional<std::string> unquoted(std::string_view text, size_t& at, char separator) {
  std::string out;
  for (; at < text.size() && text[at] != separator && !is_space(text[at]); ++at) {
    char c = text[at];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> split_identifiers(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t at = 0;
  skip_spaces(text, at);
  if (at == text.size()) return out;
  while (true) {
    auto name = text[at] == '"' ? quoted(text, at) : unquoted(text, at, separator);
    if (!name) return std::nullopt;
    out.push_back(std::move(*name));
    skip_spaces(text, at);
    if (at == text.size()) return out;
    if (text[at] != separator) return std::nullopt;
    ++at;
    skip_spaces(text, at);
    if (at == text.size()) return std::nullopt;  // a trailing separator
  }
}

}  // namespace migc
