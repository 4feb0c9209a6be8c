#include "compiler/text_ranges.h"

#include <catch2/catch.hpp>

TEST_CASE("mentions: a lower-case word in any letter case", "[text_ranges]") {
  CHECK(migc::mentions("SELECT pg_catalog.SET_CONFIG('x', '1', true)", "set_config"));
  CHECK(migc::mentions("DEFAULT nextval('a_seq'::regclass)", "nextval"));
  CHECK_FALSE(migc::mentions("DEFAULT now()", "nextval"));
  CHECK_FALSE(migc::mentions("next", "nextval"));
  CHECK(migc::mentions("anything", ""));
  CHECK(migc::ascii_lower("ÀB_c") == "Àb_c");
}
