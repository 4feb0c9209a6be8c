#include "compiler/flyway_version.h"

#include <catch2/catch.hpp>

using namespace migc;

namespace {

FlywayVersion v(std::string_view text) {
  auto parsed = FlywayVersion::parse(text);
  if (!parsed) throw std::logic_error("not a version: " + std::string(text));
  return *parsed;
}

}  // namespace

TEST_CASE("flyway version: underscores, leading zeros and trailing zero parts do not matter", "[flyway]") {
  CHECK(v("1") == v("1.0"));
  CHECK(v("1") == v("1_0_0"));
  CHECK(v("001") == v("1"));
  CHECK(v("1.0.0.3") == v("1_0_0_3"));
  CHECK(v("0") == v("0.0"));
  CHECK(v("1_2").display() == "1.2");
  CHECK(v("01.2.0").display() == "01.2.0");
}

TEST_CASE("flyway version: parts compare as numbers of any size", "[flyway]") {
  CHECK(v("1.10") > v("1.9"));
  CHECK(v("2") > v("1.999"));
  CHECK(v("1.0.0.3") < v("1.0.0.3.1"));
  CHECK(v("1.0.0.3.1") < v("1.0.0.4"));
  CHECK(v("2.8.0.20201022120031") > v("2.8.0.9"));
  CHECK(v("123456789012345678901234567890") > v("123456789012345678901234567889"));
  CHECK(v("-1") < v("0"));
  CHECK(v("-2") < v("-1"));
  CHECK(v("+3") == v("3"));
  CHECK(v("-0") == v("0"));
}

TEST_CASE("flyway version: only digits separated by '.' or '_'", "[flyway]") {
  for (std::string_view bad : {"", "a", "1.a", "1..2", "1.", ".1", "1__2", "1-2", "1.-2", "v1", " 1"})
    CHECK_FALSE(FlywayVersion::parse(bad).has_value());
}
