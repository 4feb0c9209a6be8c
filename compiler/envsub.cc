#include "compiler/envsub.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace migc {

namespace {

// An expression's value, and the `${VAR?…}` error it raises if the value is used (a default
// that is not taken never fails, as in interpolate's lazy evaluation).
struct Value {
  std::string text;
  std::optional<EnvsubError> error;
};

class Interpolator {
 public:
  Interpolator(std::string_view in, const EnvLookup& env) : in_(in), env_(env) {}

  // The whole line: each expansion or escape that changes the text gets a Replacement.
  void expand_line(uint32_t line_offset, std::string& out, std::vector<Replacement>& map) {
    while (pos_ < in_.size()) {
      uint32_t start = pos_;
      Value piece = next_piece();
      if (piece.error) throw *piece.error;
      if (piece.text == in_.substr(start, pos_ - start)) {
        out += piece.text;
        continue;
      }
      auto out_begin = static_cast<uint32_t>(out.size());
      out += piece.text;
      map.push_back({out_begin, static_cast<uint32_t>(out.size()), line_offset + start, line_offset + pos_});
    }
  }

 private:
  // One byte of text, an escape, or an expansion, starting at pos_.
  Value next_piece() {
    std::string_view rest = in_.substr(pos_);
    if (rest.starts_with("\\\\") || rest.starts_with("$(")) {
      pos_ += 2;
      return {std::string(rest.substr(0, 2)), std::nullopt};
    }
    if (rest.starts_with("\\$") || rest.starts_with("$$")) {
      pos_ += 2;
      return {"$", std::nullopt};
    }
    if (rest.starts_with("$") && pos_ + 1 < in_.size()) return expansion();  // a '$' ending the line is text
    ++pos_;
    return {std::string(1, rest[0]), std::nullopt};
  }

  // Text and expansions up to (not including) `stop` or the end of the line.
  Value expression(char stop) {
    Value v;
    while (pos_ < in_.size() && in_[pos_] != stop) {
      Value piece = next_piece();
      v.text += piece.text;
      if (!v.error) v.error = std::move(piece.error);
    }
    return v;
  }

  Value expansion() {
    uint32_t start = pos_++;  // the '$'
    if (pos_ < in_.size() && in_[pos_] == '{') {
      ++pos_;
      return brace_expansion(start);
    }
    return {env_(identifier(start)).value_or(""), std::nullopt};
  }

  Value brace_expansion(uint32_t start) {
    std::string name = identifier(start);
    if (take('}')) return {env_(name).value_or(""), std::nullopt};
    std::optional<std::string> value = env_(name);
    Value v;
    if (take(':')) {
      if (take('-')) {
        Value fallback = expression('}');
        v = value && !value->empty() ? Value{*value, std::nullopt} : std::move(fallback);
      } else {
        v = {substring(value.value_or(""), start), std::nullopt};
      }
    } else if (take('-')) {
      Value fallback = expression('}');
      v = value ? Value{*value, std::nullopt} : std::move(fallback);
    } else if (take('?')) {
      Value message = expression('}');
      if (!value)
        v.error = EnvsubError(start, fmt::format("${}: {}", name, message.text.empty() ? "not set" : message.text));
      else
        v.text = *value;
    } else {
      throw EnvsubError(pos_, fmt::format("expected '}}' or an operator (:-, -, :, ?) after '${{{}'", name));
    }
    if (!take('}')) throw EnvsubError(start, fmt::format("'${{{}' is not closed by '}}'", name));
    return v;
  }

  // ${VAR:offset} and ${VAR:offset:length}; a negative number counts from the end.
  std::string substring(const std::string& value, uint32_t start) {
    auto len = static_cast<int64_t>(value.size());
    int64_t from = number(until(":}"), start);
    if (from < 0) from = std::max<int64_t>(0, from + len);
    from = std::min(from, len);
    if (!take(':')) return value.substr(from);
    int64_t length = number(until("}"), start);
    int64_t to = length >= 0 ? from + length : std::max(from, len + length);
    return value.substr(from, std::min(to, len) - from);
  }

  int64_t number(std::string_view text, uint32_t start) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::string_view digits = !text.empty() && text.front() == '+' ? text.substr(1) : text;
    int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
      throw EnvsubError(start, fmt::format("'{}' is not a number in a substring expansion", text));
    return n;
  }

  std::string identifier(uint32_t start) {
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); };
    if (pos_ >= in_.size() || !letter(in_[pos_]))
      throw EnvsubError(start, "a variable name must start with a letter (write $$ for a literal $)");
    uint32_t begin = pos_;
    while (pos_ < in_.size() &&
           (letter(in_[pos_]) || std::isdigit(static_cast<unsigned char>(in_[pos_])) || in_[pos_] == '_'))
      ++pos_;
    return std::string(in_.substr(begin, pos_ - begin));
  }

  std::string_view until(std::string_view stops) {
    uint32_t begin = pos_;
    while (pos_ < in_.size() && stops.find(in_[pos_]) == std::string_view::npos) ++pos_;
    return in_.substr(begin, pos_ - begin);
  }

  bool take(char c) {
    if (pos_ < in_.size() && in_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string_view in_;
  const EnvLookup& env_;
  uint32_t pos_ = 0;
};

}  // namespace

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
}

void envsub_line(std::string_view line, uint32_t line_offset, const EnvLookup& env, std::string& out,
                 std::vector<Replacement>& map) {
  Interpolator(line, env).expand_line(line_offset, out, map);
}

}  // namespace migc
