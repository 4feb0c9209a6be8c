// Flyway migration versions (formats.md §7.3, api/MigrationVersion.java): `_` reads as `.`,
// each part is a number of any size, trailing zero parts do not count, so "1", "1.0", "1_0_0"
// and "001" are one version and "1.10" comes after "1.9".
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migc {

class FlywayVersion {
 public:
  // The version part of a file name ("1_2", "2.0.1", "-1"); nullopt where Flyway says
  // "Version may only contain 0..9 and . (dot)".
  static std::optional<FlywayVersion> parse(std::string_view text);

  // As Flyway shows and records it: the text with `_` as `.`, leading zeros kept ("01.2").
  const std::string& display() const { return display_; }

  std::strong_ordering operator<=>(const FlywayVersion& other) const;
  bool operator==(const FlywayVersion& other) const { return (*this <=> other) == 0; }

 private:
  struct Part {
    bool negative = false;  // only the first part may carry a sign
    std::string digits;     // without leading zeros; "0" for zero
  };
  static std::strong_ordering compare(const Part& a, const Part& b);

  std::string display_;
  std::vector<Part> parts_;  // trailing zero parts removed (the first part always stays)
};

}  // namespace migc
