#include "compiler/pg_version.h"

#include <charconv>

namespace migc {

std::optional<int> parse_pg_version(std::string_view text) {
  int major = 0, minor = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, major);
  if (ec != std::errc() || major < 9 || major > 99) return std::nullopt;
  if (p != end) {
    if (*p != '.') return std::nullopt;
    auto [q, ec2] = std::from_chars(p + 1, end, minor);
    if (ec2 != std::errc() || q != end || q == p + 1 || minor < 0 || minor > 99) return std::nullopt;
  }
  // Before 10 the second number is part of the major version (9.6 → 90600).
  return major >= 10 ? major * 10000 + minor : major * 10000 + minor * 100;
}

}  // namespace migc
