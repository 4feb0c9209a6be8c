#include "compiler/sql_split.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace migc {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool is_ident_char(char c) { return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$'; }

// Skips a comment starting at i (which must point at "--" or "/*"); returns the offset after it.
uint32_t skip_comment(std::string_view t, uint32_t i, uint32_t end) {
  if (t[i] == '-') {
    while (i < end && t[i] != '\n' && t[i] != '\r') ++i;
    return i;
  }
  int depth = 0;  // PostgreSQL block comments nest
  while (i < end) {
    if (i + 1 < end && t[i] == '/' && t[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (i + 1 < end && t[i] == '*' && t[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return end;
}

bool at_comment(std::string_view t, uint32_t i, uint32_t end) {
  return i + 1 < end && ((t[i] == '-' && t[i + 1] == '-') || (t[i] == '/' && t[i + 1] == '*'));
}

// The dollar-quote tag starting at i ("$$" or "$tag$"), or empty if i does not start one.
std::string_view dollar_tag(std::string_view t, uint32_t i, uint32_t end) {
  uint32_t j = i + 1;
  if (j < end && t[j] == '$') return t.substr(i, 2);
  if (j >= end || !is_ident_start(t[j])) return {};
  while (j < end && is_ident_char(t[j]) && t[j] != '$') ++j;
  if (j < end && t[j] == '$') return t.substr(i, j - i + 1);
  return {};
}

// After a statement's ';': the rest of the line belongs to it when it holds only blanks and a
// comment.
uint32_t end_of_statement_line(std::string_view t, uint32_t i, uint32_t end) {
  uint32_t j = i;
  while (j < end && (t[j] == ' ' || t[j] == '\t')) ++j;
  if (j + 1 < end && t[j] == '-' && t[j + 1] == '-') j = skip_comment(t, j, end);
  if (j < end && t[j] == '\r') ++j;
  if (j < end && t[j] == '\n') return j + 1;
  if (j >= end) return end;
  return i;  // more SQL on the same line: the next statement starts right after ';'
}

// COPY … FROM STDIN: the data runs from the line after the ';' to a line "\.".
uint32_t skip_copy_data(std::string_view t, uint32_t i, uint32_t end) {
  uint32_t line = i;
  while (line < end) {
    uint32_t eol = line;
    while (eol < end && t[eol] != '\n') ++eol;
    std::string_view l = t.substr(line, eol - line);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    uint32_t next = eol < end ? eol + 1 : end;
    if (l == "\\.") return next;
    line = next;
  }
  return end;
}

}  // namespace

uint32_t skip_blank_and_comments(std::string_view t, uint32_t i, uint32_t end) {
  while (i < end) {
    if (std::isspace(static_cast<unsigned char>(t[i]))) {
      ++i;
    } else if (at_comment(t, i, end)) {
      i = skip_comment(t, i, end);
    } else {
      return i;
    }
  }
  return end;
}

uint32_t end_of_code(std::string_view t, uint32_t i, uint32_t end) {
  uint32_t last = i;
  while (i < end) {
    char c = t[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (at_comment(t, i, end)) {
      i = skip_comment(t, i, end);
      continue;
    }
    if (c == '\'' || c == '"') {
      // Quotes close at the next unescaped one (a doubled quote reopens at once, harmlessly).
      uint32_t j = i + 1;
      while (j < end && t[j] != c) j += (t[j] == '\\' && c == '\'') ? 2 : 1;
      i = std::min(end, j + 1);
    } else if (std::string_view tag = c == '$' ? dollar_tag(t, i, end) : std::string_view(); !tag.empty()) {
      size_t close = t.find(tag, i + tag.size());
      i = close == std::string_view::npos || close + tag.size() > end ? end : static_cast<uint32_t>(close + tag.size());
    } else {
      ++i;
    }
    last = i;
  }
  return last;
}

std::vector<Statement> split_sql(std::string_view t, uint32_t file, uint32_t begin, uint32_t end) {
  std::vector<Statement> out;
  uint32_t start = begin;
  uint32_t i = begin;
  int paren = 0;
  int atomic_depth = 0;     // >0 inside BEGIN ATOMIC … END (CASE … END nests inside)
  std::string prev_word;    // the previous keyword-like token, upper-cased
  bool copy_stdin = false;  // this statement is COPY … FROM STDIN
  bool first_word = true;
  bool is_copy = false;

  auto finish = [&](uint32_t stop) {
    out.push_back({file, start, stop});
    start = stop;
    paren = 0;
    atomic_depth = 0;
    prev_word.clear();
    copy_stdin = is_copy = false;
    first_word = true;
  };

  while (i < end) {
    char c = t[i];
    if (at_comment(t, i, end)) {
      i = skip_comment(t, i, end);
    } else if (c == '\'') {
      // E'…' strings take backslash escapes; standard strings only ''.
      bool escapes = i > begin && (t[i - 1] == 'E' || t[i - 1] == 'e') &&
                     (i - 1 == begin || !is_ident_char(t[i - 2]));
      ++i;
      while (i < end) {
        if (escapes && t[i] == '\\') {
          i += 2;
        } else if (t[i] == '\'') {
          if (i + 1 < end && t[i + 1] == '\'') i += 2;
          else { ++i; break; }
        } else {
          ++i;
        }
      }
    } else if (c == '"') {
      ++i;
      while (i < end) {
        if (t[i] == '"') {
          if (i + 1 < end && t[i + 1] == '"') i += 2;
          else { ++i; break; }
        } else {
          ++i;
        }
      }
    } else if (c == '$' && (i == begin || !is_ident_char(t[i - 1]))) {
      std::string_view tag = dollar_tag(t, i, end);
      if (tag.empty()) {
        ++i;
      } else {
        size_t close = t.find(tag, i + tag.size());
        i = close == std::string_view::npos || close + tag.size() > end ? end
                                                                         : static_cast<uint32_t>(close + tag.size());
      }
    } else if (c == '(') {
      ++paren;
      ++i;
    } else if (c == ')') {
      if (paren > 0) --paren;
      ++i;
    } else if (c == ';' && paren == 0 && atomic_depth == 0) {
      uint32_t stop = end_of_statement_line(t, i + 1, end);
      if (copy_stdin) stop = skip_copy_data(t, stop, end);
      finish(stop);
      i = stop;
    } else if (is_ident_start(c)) {
      uint32_t j = i;
      while (j < end && is_ident_char(t[j])) ++j;
      std::string word(t.substr(i, j - i));
      for (auto& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (first_word) is_copy = word == "COPY";
      first_word = false;
      if (is_copy && prev_word == "FROM" && word == "STDIN") copy_stdin = true;
      if (word == "ATOMIC" && prev_word == "BEGIN") {
        ++atomic_depth;
      } else if (atomic_depth > 0 && word == "CASE") {
        ++atomic_depth;
      } else if (atomic_depth > 0 && word == "END") {
        --atomic_depth;
      }
      prev_word = std::move(word);
      i = j;
    } else {
      ++i;
    }
  }
  if (start < end) {
    // Trailing blank lines and comments join the last statement rather than standing alone.
    if (!out.empty() && is_blank_or_comments(t, start, end)) out.back().end = end;
    else out.push_back({file, start, end});
  }
  return out;
}

}  // namespace migc
