#include "compiler/yoyo_python.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace migc {

namespace {

constexpr std::string_view kStaticHint =
    "put the SQL in string literals passed to step(), or move it to a .sql migration";

// What each place accepts, for the messages that reject something else.
constexpr std::string_view kModuleAccepts =
    "imports of yoyo, __depends__ = …, __transactional__ = …, steps = [...] and step()/group() calls at "
    "module level";
constexpr std::string_view kImportAccepts = "'from yoyo import …', 'import yoyo' and 'from __future__ import …'";
constexpr std::string_view kDependsAccepts = "a string, or a set, list or tuple of strings, as __depends__";
constexpr std::string_view kTransactionalAccepts = "True or False as __transactional__";
constexpr std::string_view kStepsAccepts = "step(), group() and transaction() calls as steps";
constexpr std::string_view kStepArgAccepts = "string literals or None as step() arguments";
constexpr std::string_view kIgnoreErrorsAccepts = "'apply', 'rollback', 'all' or None as ignore_errors";

[[noreturn]] void fail(const SourceFile& py, uint32_t offset, std::string message) {
  throw CompileError(diagnostic_at(Severity::Error, py, offset, std::move(message)));
}

// ---------------------------------------------------------------------------------------------
// Tokens (Python's lexical rules, as far as the subset needs them)

enum class TokenKind { Name, Number, String, Op, Newline, Indent, End };

struct Token {
  TokenKind kind = TokenKind::End;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t body_begin = 0;  // a string's text between its quotes
  uint32_t body_end = 0;
  bool raw = false;  // an r-string: escapes stay as written
};

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool is_name_char(char c) { return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)); }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// The offset after the character at i, a \r\n pair counting as one.
uint32_t after(std::string_view t, uint32_t i) {
  return t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n' ? i + 2 : i + 1;
}

uint32_t end_of_line(std::string_view t, uint32_t i) {
  while (i < t.size() && !is_line_break(t[i])) ++i;
  return i;
}

// A string starting at `begin` whose opening quote is at `quote` (after any prefix).
Token string_token(const SourceFile& py, uint32_t begin, uint32_t quote, bool raw) {
  std::string_view t = py.text();
  const char q = t[quote];
  const std::string triple_quote(3, q);
  const bool triple = t.substr(quote, 3) == triple_quote;
  const uint32_t body = quote + (triple ? 3 : 1);
  for (uint32_t i = body;;) {
    if (i >= t.size())
      fail(py, begin, triple ? "unterminated triple-quoted string" : "unterminated string");
    if (t[i] == '\\') {
      // A backslash keeps the next character (a quote, a line break) inside the string, raw or not.
      i = i + 1 < t.size() ? after(t, i + 1) : i + 1;
    } else if (!triple && is_line_break(t[i])) {
      fail(py, begin, "unterminated string: a string in single quotes ends at the end of its line");
    } else if (triple ? t.substr(i, 3) == triple_quote : t[i] == q) {
      return {TokenKind::String, begin, i + (triple ? 3 : 1), body, i, raw};
    } else {
      ++i;
    }
  }
}

std::vector<Token> tokenize(const SourceFile& py) {
  std::string_view t = py.text();
  const auto n = static_cast<uint32_t>(t.size());
  std::vector<Token> out;
  std::vector<uint32_t> open;  // open brackets: line breaks inside them do not end a statement
  uint32_t i = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool line_start = true;
  while (i < n) {
    const char c = t[i];
    if (line_start && open.empty()) {
      uint32_t j = i;
      while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\f')) ++j;
      if (j < n && t[j] == '#') j = end_of_line(t, j);
      if (j >= n) break;
      if (is_line_break(t[j])) {  // blank or comment-only line
        i = after(t, j);
        continue;
      }
      if (j > i) out.push_back({TokenKind::Indent, i, j});
      line_start = false;
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\f') {
      ++i;
    } else if (c == '#') {
      i = end_of_line(t, i);
    } else if (is_line_break(c)) {
      if (open.empty()) {
        out.push_back({TokenKind::Newline, i, i});
        line_start = true;
      }
      i = after(t, i);
    } else if (c == '\\') {
      if (i + 1 >= n || !is_line_break(t[i + 1])) fail(py, i, "unexpected '\\' outside a string");
      i = after(t, i + 1);  // explicit line joining
    } else if (is_name_start(c)) {
      uint32_t j = i;
      while (j < n && is_name_char(t[j])) ++j;
      std::string prefix = j < n && (t[j] == '\'' || t[j] == '"') ? ascii_lower(t.substr(i, j - i)) : "";
      if (prefix == "f" || prefix == "rf" || prefix == "fr") {
        Diagnostic d = diagnostic_at(Severity::Error, py, i,
                                     "an f-string: migc reads .py migrations statically and accepts only plain "
                                     "string literals (with r or u prefixes)");
        d.hints.emplace_back(kStaticHint);
        throw CompileError(std::move(d));
      }
      if (prefix == "b" || prefix == "rb" || prefix == "br")
        fail(py, i, "a bytes literal: yoyo needs SQL as text strings (drop the b prefix)");
      if (prefix == "r" || prefix == "u") {
        out.push_back(string_token(py, i, j, prefix == "r"));
        i = out.back().end;
      } else {
        out.push_back({TokenKind::Name, i, j});
        i = j;
      }
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(t[i + 1])))) {
      uint32_t j = i;
      while (j < n && (is_name_char(t[j]) || t[j] == '.')) ++j;
      out.push_back({TokenKind::Number, i, j});
      i = j;
    } else if (c == '\'' || c == '"') {
      out.push_back(string_token(py, i, i, false));
      i = out.back().end;
    } else {
      if (c == '(' || c == '[' || c == '{') {
        open.push_back(i);
      } else if (c == ')' || c == ']' || c == '}') {
        const char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (open.empty() || t[open.back()] != opener) fail(py, i, fmt::format("unmatched '{}'", c));
        open.pop_back();
      }
      out.push_back({TokenKind::Op, i, i + 1});
      ++i;
    }
  }
  if (!open.empty()) fail(py, open.back(), fmt::format("'{}' is never closed", t[open.back()]));
  if (!out.empty() && out.back().kind != TokenKind::Newline) out.push_back({TokenKind::Newline, n, n});
  out.push_back({TokenKind::End, n, n});
  return out;
}

// ---------------------------------------------------------------------------------------------
// String values

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Escape {
  std::string value;
  uint32_t end = 0;  // after the escape sequence
};

// The escape sequence at t[i] == '\\' of a non-raw string, or nullopt when Python keeps the
// backslash as written (an unknown escape such as `\d`).
std::optional<Escape> escape_at(const SourceFile& py, uint32_t i, uint32_t body_end) {
  std::string_view t = py.text();
  const char e = t[i + 1];  // the tokenizer never ends a string right after a backslash
  auto digits = [&](uint32_t from, uint32_t max, int base) {
    uint32_t j = from;
    while (j < body_end && j - from < max && std::isxdigit(static_cast<unsigned char>(t[j])) &&
           (base == 16 || (t[j] >= '0' && t[j] <= '7')))
      ++j;
    return j;
  };
  auto code_point = [&](uint32_t from, uint32_t to, int base) -> Escape {
    uint32_t cp = static_cast<uint32_t>(std::stoul(std::string(t.substr(from, to - from)), nullptr, base));
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      fail(py, i, fmt::format("the escape '{}' is not a character PostgreSQL can receive", t.substr(i, to - i)));
    Escape out{"", to};
    append_utf8(out.value, cp);
    return out;
  };
  switch (e) {
    case '\n':
    case '\r': return Escape{"", after(t, i + 1)};  // a line continuation inside the string
    case '\\':
    case '\'':
    case '"': return Escape{std::string(1, e), i + 2};
    case 'a': return Escape{"\a", i + 2};
    case 'b': return Escape{"\b", i + 2};
    case 'f': return Escape{"\f", i + 2};
    case 'n': return Escape{"\n", i + 2};
    case 'r': return Escape{"\r", i + 2};
    case 't': return Escape{"\t", i + 2};
    case 'v': return Escape{"\v", i + 2};
    case 'x':
    case 'u':
    case 'U': {
      const uint32_t width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      const uint32_t stop = digits(i + 2, width, 16);
      if (stop - (i + 2) != width)
        fail(py, i, fmt::format("truncated '\\{}' escape: it needs {} hex digits", e, width));
      return code_point(i + 2, stop, 16);
    }
    case 'N': fail(py, i, "'\\N{…}' escapes are not supported by migc's static reader: write the character itself");
    default:
      if (e >= '0' && e <= '7') return code_point(i + 1, digits(i + 1, 3, 8), 8);
      return std::nullopt;
  }
}

// Appends the value of string token `s` to `out`. With `map`, records where each piece came
// from in the .py file: copied text byte for byte, an escape at its backslash.
void decode_string(const SourceFile& py, const Token& s, std::string& out, std::vector<Replacement>* map) {
  std::string_view t = py.text();
  auto record = [&](uint32_t out_begin, uint32_t src_begin, uint32_t src_end) {
    if (map && out.size() > out_begin)
      map->push_back({out_begin, static_cast<uint32_t>(out.size()), py.original_offset(src_begin),
                      py.original_offset(src_end)});
  };
  uint32_t run = s.body_begin;  // start of the text copied as written
  auto copy_run = [&](uint32_t stop) {
    auto at = static_cast<uint32_t>(out.size());
    out.append(t.substr(run, stop - run));
    record(at, run, stop);
  };
  for (uint32_t i = s.body_begin; !s.raw && i < s.body_end;) {
    if (t[i] != '\\') {
      ++i;
      continue;
    }
    std::optional<Escape> e = escape_at(py, i, s.body_end);
    if (!e) {
      i += 2;  // the backslash stays, and so does the character after it
      continue;
    }
    copy_run(i);
    auto at = static_cast<uint32_t>(out.size());
    out += e->value;
    record(at, i, e->end);
    run = i = e->end;
  }
  copy_run(s.body_end);
}

// ---------------------------------------------------------------------------------------------
// The static subset of module statements

bool is_python_keyword(std::string_view w) {
  static constexpr std::array<std::string_view, 35> kKeywords{
      "False",  "None",   "True",    "and",      "as",     "assert", "async", "await",    "break",
      "class",  "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
      "from",   "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
      "or",     "pass",   "raise",   "return",   "try",    "while",  "with",   "yield"};
  return std::find(kKeywords.begin(), kKeywords.end(), w) != kKeywords.end();
}

struct Step {
  std::optional<TextRange> apply;
  std::optional<TextRange> rollback;
};

class PyReader {
 public:
  PyReader(LoadContext& ctx, uint32_t file)
      : ctx_(ctx), file_(file), py_(ctx.file(file)), tokens_(tokenize(py_)) {}

  YoyoPython read() {
    if (peek().kind == TokenKind::String) {  // the module docstring
      strlit(out_.description, nullptr, kModuleAccepts);
      value_end(kModuleAccepts);
      end_statement();
    }
    while (peek().kind != TokenKind::End) statement();
    for (const Step& s : steps_)
      if (s.apply) out_.apply.push_back(*s.apply);
    // On rollback yoyo undoes the steps last first (a group undoes its own steps the same way).
    for (auto s = steps_.rbegin(); s != steps_.rend(); ++s)
      if (s->rollback) out_.rollback.push_back(*s->rollback);
    out_.sql_file = ctx_.add_derived(file_, std::move(sql_), std::move(map_));
    return std::move(out_);
  }

 private:
  const Token& peek(size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  std::string_view text(const Token& t) const { return std::string_view(py_.text()).substr(t.begin, t.end - t.begin); }
  bool is_op(const Token& t, char c) const { return t.kind == TokenKind::Op && py_.text()[t.begin] == c; }
  bool is_name(const Token& t, std::string_view w) const { return t.kind == TokenKind::Name && text(t) == w; }
  // `name = …` (a keyword argument or an assignment), not `name == …`.
  bool at_assignment() const {
    return peek().kind == TokenKind::Name && is_op(peek(1), '=') && !is_op(peek(2), '=');
  }

  // What the token at `pos_ + ahead` is, for a message.
  std::string describe(size_t ahead = 0) const {
    const Token& t = peek(ahead);
    switch (t.kind) {
      case TokenKind::Name: {
        std::string_view w = text(t);
        if (w == "def") return "a function definition ('def')";
        if (w == "async") return "an async function definition ('async def')";
        if (w == "class") return "a class definition ('class')";
        if (w == "lambda") return "a lambda";
        if (w == "if" || w == "for" || w == "while" || w == "with" || w == "try" || w == "raise" ||
            w == "return" || w == "del" || w == "global" || w == "assert")
          return fmt::format("{} '{}' statement", w == "if" || w == "assert" ? "an" : "a", w);
        if (is_python_keyword(w)) return fmt::format("'{}'", w);
        std::string path(w);
        size_t k = ahead + 1;
        for (; is_op(peek(k), '.') && peek(k + 1).kind == TokenKind::Name; k += 2)
          path += "." + std::string(text(peek(k + 1)));
        if (is_op(peek(k), '(')) return fmt::format("a call to '{}()'", path);
        return fmt::format("the name '{}'", path);
      }
      case TokenKind::Number: return fmt::format("the number {}", text(t));
      case TokenKind::String: return "a string";
      case TokenKind::Op: return is_op(t, '@') ? "a decorator" : fmt::format("'{}'", text(t));
      case TokenKind::Newline: return "the end of the line";
      case TokenKind::Indent: return "an indented line";
      case TokenKind::End: return "the end of the file";
    }
    return "?";
  }

  [[noreturn]] void reject(const Token& at, const std::string& found, std::string_view accepted) const {
    Diagnostic d = diagnostic_at(
        Severity::Error, py_, at.begin,
        fmt::format("{}: migc reads .py migrations statically and accepts only {}", found, accepted));
    d.hints.emplace_back(kStaticHint);
    throw CompileError(std::move(d));
  }

  void expect_op(char c) {
    if (!is_op(peek(), c)) fail(py_, peek().begin, fmt::format("expected '{}' but found {}", c, describe()));
    ++pos_;
  }

  // After a value: an operator, a method call, a comprehension… would compute something.
  void value_end(std::string_view accepted) const {
    const Token& t = peek();
    if (t.kind == TokenKind::Op) {
      const char c = text(t)[0];
      if (std::string_view("+-*/%&|^<>").find(c) != std::string_view::npos)
        reject(t, fmt::format("'{}' (a computed value)", c), accepted);
      if (c == '.') reject(t, fmt::format("a method call ('.{}')", text(peek(1))), accepted);
      if (c == '[') reject(t, "indexing or slicing", accepted);
      if (c == '(') reject(t, "a call", accepted);
    } else if (is_name(t, "for")) {
      reject(t, "a comprehension", accepted);
    } else if (is_name(t, "if")) {
      reject(t, "a conditional expression", accepted);
    }
  }

  void end_statement() {
    if (is_op(peek(), ';') || peek().kind == TokenKind::Newline) {
      ++pos_;
    } else if (peek().kind != TokenKind::End) {
      fail(py_, peek().begin, fmt::format("expected the end of the statement but found {}", describe()));
    }
  }

  void statement() {
    const Token& t = peek();
    if (t.kind == TokenKind::Newline) {  // the rest of a line after `;`
      ++pos_;
      return;
    }
    if (t.kind == TokenKind::Indent)
      fail(py_, t.begin, "unexpected indentation: only module-level statements are read");
    std::string_view w = t.kind == TokenKind::Name ? text(t) : "";
    if (w == "from" || w == "import") {
      import_statement();
    } else if (w == "__depends__") {
      depends();
    } else if (w == "__transactional__") {
      transactional();
    } else if (w == "steps" && at_assignment()) {
      pos_ += 2;
      if (!is_op(peek(), '[') && !is_op(peek(), '(')) reject(peek(), describe(), kStepsAccepts);
      step_list();
      value_end(kStepsAccepts);
    } else if (w == "pass") {
      ++pos_;
    } else if (w == "step" || w == "group" || w == "transaction" || w == "yoyo") {
      step_expr();
      value_end(kModuleAccepts);
    } else if (!w.empty() && !is_python_keyword(w) && at_assignment()) {
      reject(t, fmt::format("an assignment to '{}'", w), kModuleAccepts);
    } else if (t.kind == TokenKind::String) {
      reject(t, "a string after the docstring", kModuleAccepts);
    } else {
      reject(t, describe(), kModuleAccepts);
    }
    end_statement();
  }

  std::string dotted_name() {
    if (peek().kind != TokenKind::Name)
      fail(py_, peek().begin, fmt::format("expected a module name but found {}", describe()));
    std::string name(text(next()));
    while (is_op(peek(), '.') && peek(1).kind == TokenKind::Name) {
      name += "." + std::string(text(peek(1)));
      pos_ += 2;
    }
    return name;
  }

  void import_statement() {
    const Token& first = next();
    std::string module = dotted_name();
    if (text(first) == "import") {
      if (module != "yoyo" || is_op(peek(), ',') || is_name(peek(), "as"))
        reject(first, fmt::format("an import of '{}'", module), kImportAccepts);
      return;
    }
    if (module != "yoyo" && module != "__future__")
      reject(first, fmt::format("an import from '{}'", module), kImportAccepts);
    if (!is_name(peek(), "import")) fail(py_, peek().begin, fmt::format("expected 'import' but found {}", describe()));
    ++pos_;
    if (is_op(peek(), '*')) {
      ++pos_;
      return;
    }
    const bool parenthesized = is_op(peek(), '(');
    if (parenthesized) ++pos_;
    while (peek().kind == TokenKind::Name) {
      ++pos_;
      if (is_name(peek(), "as")) reject(peek(), "an import alias ('as')", kImportAccepts);
      if (!is_op(peek(), ',')) break;
      ++pos_;
    }
    if (parenthesized) expect_op(')');
  }

  // A string literal: adjacent strings concatenated, possibly in parentheses. Appends its
  // value to `out` (and where each byte came from to `map`); returns where it begins.
  uint32_t strlit(std::string& out, std::vector<Replacement>* map, std::string_view accepted) {
    const Token& first = peek();
    if (is_op(first, '(')) {
      ++pos_;
      strlit(out, map, accepted);
      value_end(accepted);
      expect_op(')');
      return first.begin;
    }
    if (first.kind != TokenKind::String) reject(first, describe(), accepted);
    while (peek().kind == TokenKind::String) decode_string(py_, next(), out, map);
    return first.begin;
  }

  void depends() {
    const Token& name = next();
    if (depends_seen_)
      fail(py_, name.begin, "__depends__ is assigned more than once; yoyo would use only the last value");
    depends_seen_ = true;
    expect_op('=');
    const Token& v = peek();
    if (v.kind == TokenKind::String) {
      dependency();
    } else if (is_op(v, '{') || is_op(v, '[') || is_op(v, '(')) {
      const char close = is_op(v, '{') ? '}' : is_op(v, '[') ? ']' : ')';
      ++pos_;
      while (!is_op(peek(), close)) {
        dependency();
        if (!is_op(peek(), ',')) break;
        ++pos_;
      }
      expect_op(close);
    } else if (is_name(v, "set") && is_op(peek(1), '(') && is_op(peek(2), ')')) {
      pos_ += 3;
    } else {
      reject(v, describe(), kDependsAccepts);
    }
    value_end(kDependsAccepts);
  }

  void dependency() {
    std::string id;
    uint32_t at = strlit(id, nullptr, kDependsAccepts);
    value_end(kDependsAccepts);
    out_.depends.push_back({.target = std::move(id), .declared_at = Place{file_, at}});
  }

  void transactional() {
    const Token& name = next();
    if (transactional_seen_)
      fail(py_, name.begin, "__transactional__ is assigned more than once; yoyo would use only the last value");
    transactional_seen_ = true;
    expect_op('=');
    if (!is_name(peek(), "True") && !is_name(peek(), "False")) reject(peek(), describe(), kTransactionalAccepts);
    out_.transactional = text(next()) == "True";
    value_end(kTransactionalAccepts);
  }

  // `[step(…), group(…), …]` or the same in parentheses.
  void step_list() {
    const char close = is_op(next(), '[') ? ']' : ')';
    while (!is_op(peek(), close)) {
      step_expr();
      value_end(kStepsAccepts);
      if (!is_op(peek(), ',')) break;
      ++pos_;
    }
    expect_op(close);
  }

  void step_expr() {
    if (is_name(peek(), "yoyo") && is_op(peek(1), '.')) pos_ += 2;
    const Token& fn = peek();
    if (fn.kind == TokenKind::Name && is_op(peek(1), '(')) {
      if (text(fn) == "step") {
        pos_ += 2;
        return step_args(fn);
      }
      if (text(fn) == "group" || text(fn) == "transaction") {
        pos_ += 2;
        return group_args();
      }
    }
    reject(fn, describe(), kStepsAccepts);
  }

  void no_star_args() const {
    if (is_op(peek(), '*')) reject(peek(), "*args or **kwargs", kStepArgAccepts);
  }

  // step(apply, rollback=None, ignore_errors=None), by position or keyword.
  void step_args(const Token& fn) {
    static constexpr std::array<std::string_view, 3> kParams{"apply", "rollback", "ignore_errors"};
    std::array<bool, 3> given{};
    size_t positional = 0;
    bool keywords = false;
    Step step;
    while (!is_op(peek(), ')')) {
      no_star_args();
      const Token& arg = peek();
      size_t param = positional;
      if (at_assignment()) {
        auto it = std::find(kParams.begin(), kParams.end(), text(arg));
        if (it == kParams.end())
          fail(py_, arg.begin,
               fmt::format("step() has no argument '{}' (it takes apply, rollback and ignore_errors)", text(arg)));
        param = static_cast<size_t>(it - kParams.begin());
        keywords = true;
        pos_ += 2;
      } else if (keywords) {
        fail(py_, arg.begin, "a positional argument after a keyword argument");
      } else if (positional++ == kParams.size()) {
        fail(py_, arg.begin, "step() takes at most 3 arguments: apply, rollback and ignore_errors");
      }
      if (given[param]) fail(py_, arg.begin, fmt::format("step() gets '{}' twice", kParams[param]));
      given[param] = true;
      if (param == 2) ignore_errors();
      else (param == 0 ? step.apply : step.rollback) = sql_arg();
      if (!is_op(peek(), ',')) break;
      ++pos_;
    }
    expect_op(')');
    if (!given[0]) fail(py_, fn.begin, "step() needs an apply argument: the SQL to run");
    steps_.push_back(step);
  }

  // group(step(…), …), group([step(…), …]), group(steps=[…]); transaction() is the same.
  void group_args() {
    bool keywords = false;
    while (!is_op(peek(), ')')) {
      no_star_args();
      const Token& arg = peek();
      if (at_assignment()) {
        keywords = true;
        pos_ += 2;
        if (text(arg) == "steps") step_list();
        else if (text(arg) == "ignore_errors") ignore_errors();
        else
          fail(py_, arg.begin,
               fmt::format("group() has no argument '{}' (it takes steps and ignore_errors)", text(arg)));
      } else if (keywords) {
        fail(py_, arg.begin, "a positional argument after a keyword argument");
      } else if (is_op(arg, '[') || is_op(arg, '(')) {
        step_list();
      } else {
        step_expr();
      }
      value_end(kStepsAccepts);
      if (!is_op(peek(), ',')) break;
      ++pos_;
    }
    expect_op(')');
  }

  std::optional<TextRange> sql_arg() {
    const Token& t = peek();
    if (is_name(t, "None")) {
      ++pos_;
      value_end(kStepArgAccepts);
      return std::nullopt;
    }
    if (t.kind == TokenKind::Name && !is_python_keyword(text(t))) {
      std::string found = describe();
      if (found.starts_with("the name")) found += " (a Python-function step or a variable)";
      reject(t, found, kStepArgAccepts);
    }
    auto begin = static_cast<uint32_t>(sql_.size());
    strlit(sql_, &map_, kStepArgAccepts);
    value_end(kStepArgAccepts);
    return TextRange{begin, static_cast<uint32_t>(sql_.size())};
  }

  void ignore_errors() {
    const Token& t = peek();
    if (is_name(t, "None")) {
      ++pos_;
      value_end(kIgnoreErrorsAccepts);
      return;
    }
    std::string value;
    strlit(value, nullptr, kIgnoreErrorsAccepts);
    value_end(kIgnoreErrorsAccepts);
    if (value != "apply" && value != "rollback" && value != "all")
      fail(py_, t.begin, fmt::format("ignore_errors must be 'apply', 'rollback' or 'all', not '{}'", value));
    ctx_.warn(diagnostic_at(Severity::Warning, py_, t.begin,
                            fmt::format("ignore_errors='{}' is not reproduced: the compiled script stops at the "
                                        "first failing statement",
                                        value)));
  }

  LoadContext& ctx_;
  uint32_t file_;
  const SourceFile& py_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  YoyoPython out_;
  std::string sql_;               // the derived file's text: every SQL string, decoded
  std::vector<Replacement> map_;  // where each piece of sql_ came from
  std::vector<Step> steps_;       // in the order yoyo runs them (a group's steps flattened)
  bool depends_seen_ = false;
  bool transactional_seen_ = false;
};

}  // namespace

YoyoPython read_yoyo_python(LoadContext& ctx, uint32_t file) { return PyReader(ctx, file).read(); }

}  // namespace migc
