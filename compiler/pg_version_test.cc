#include "compiler/pg_version.h"

#include <catch2/catch.hpp>

TEST_CASE("parse_pg_version reads the forms users write", "[pg_version]") {
  CHECK(migc::parse_pg_version("15") == 150000);
  CHECK(migc::parse_pg_version("11") == 110000);
  CHECK(migc::parse_pg_version("11.0") == 110000);
  CHECK(migc::parse_pg_version("16.2") == 160002);
  CHECK(migc::parse_pg_version("9.6") == 90600);
  CHECK_FALSE(migc::parse_pg_version("fifteen"));
  CHECK_FALSE(migc::parse_pg_version("15."));
  CHECK_FALSE(migc::parse_pg_version("8"));
  CHECK_FALSE(migc::parse_pg_version("15.x"));
}
