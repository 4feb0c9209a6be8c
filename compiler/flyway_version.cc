#include "compiler/flyway_version.h"

#include <algorithm>
#include <cctype>

namespace migc {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::optional<FlywayVersion> FlywayVersion::parse(std::string_view text) {
  FlywayVersion v;
  v.display_.assign(text);
  for (auto& c : v.display_)
    if (c == '_') c = '.';
  std::string_view rest = v.display_;
  bool first = true;
  for (;;) {
    Part part;
    if (first && !rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
      part.negative = rest[0] == '-';
      rest.remove_prefix(1);
    }
    size_t n = 0;
    while (n < rest.size() && is_digit(rest[n])) ++n;
    if (n == 0) return std::nullopt;
    std::string_view digits = rest.substr(0, n);
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    part.digits.assign(digits);
    if (part.digits == "0") part.negative = false;
    v.parts_.push_back(std::move(part));
    rest.remove_prefix(n);
    if (rest.empty()) break;
    if (rest[0] != '.') return std::nullopt;
    rest.remove_prefix(1);
    first = false;
  }
  while (v.parts_.size() > 1 && v.parts_.back().digits == "0") v.parts_.pop_back();
  return v;
}

std::strong_ordering FlywayVersion::compare(const Part& a, const Part& b) {
  if (a.negative != b.negative) return a.negative ? std::strong_ordering::less : std::strong_ordering::greater;
  // Without leading zeros a longer number is a larger one.
  std::strong_ordering magnitude =
      a.digits.size() != b.digits.size() ? a.digits.size() <=> b.digits.size() : a.digits.compare(b.digits) <=> 0;
  return a.negative ? 0 <=> magnitude : magnitude;
}

std::strong_ordering FlywayVersion::operator<=>(const FlywayVersion& other) const {
  static const Part zero{false, "0"};
  for (size_t i = 0; i < std::max(parts_.size(), other.parts_.size()); ++i) {
    const Part& a = i < parts_.size() ? parts_[i] : zero;
    const Part& b = i < other.parts_.size() ? other.parts_[i] : zero;
    if (auto c = compare(a, b); c != 0) return c;
  }
  return std::strong_ordering::equal;
}

}  // namespace migc
