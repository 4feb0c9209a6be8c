#include "analyzer/lint_comments.h"

#include <algorithm>

namespace migc {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::vector<std::string> names_in(std::string_view rest) {
  if (size_t reason = rest.find("--"); reason != std::string_view::npos) rest = rest.substr(0, reason);
  std::vector<std::string> out;
  std::string name;
  for (char c : rest) {
    if (blank(c) || c == ',') {
      if (!name.empty()) out.push_back(std::move(name));
      name.clear();
    } else {
      name += c;
    }
  }
  if (!name.empty()) out.push_back(std::move(name));
  return out;
}

}  // namespace

std::vector<DirectiveComment> directive_comments(std::string_view text, const std::vector<std::string_view>& keywords) {
  std::vector<DirectiveComment> out;
  for (size_t at = text.find("--"); at != std::string_view::npos; at = text.find("--", at)) {
    size_t eol = std::min(text.find('\n', at), text.size());
    size_t word = at + 2;
    while (word < eol && blank(text[word])) ++word;
    std::string_view rest = text.substr(word, eol - word);
    for (std::string_view k : keywords) {
      if (!rest.starts_with(k) || (rest.size() > k.size() && !blank(rest[k.size()]) && rest[k.size()] != ','))
        continue;
      out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(eol), k, names_in(rest.substr(k.size()))});
      break;
    }
    at = eol;  // one comment per line: the rest of it is the comment's text
  }
  return out;
}

std::optional<size_t> statement_of_comment(std::string_view text, const std::vector<uint32_t>& code_ends,
                                           uint32_t comment) {
  for (size_t i = 0; i < code_ends.size(); ++i) {
    uint32_t last = code_ends[i] ? code_ends[i] - 1 : 0;
    size_t eol = std::min(text.find('\n', last), text.size());
    if (comment <= eol) return i;
  }
  return std::nullopt;
}

}  // namespace migc
