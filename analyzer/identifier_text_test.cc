#include "analyzer/identifier_text.h"

#include <catch2/catch.hpp>

using namespace migc;
using Names = std::vector<std::string>;

TEST_CASE("identifier text: unquoted names fold to lower case, quoted ones keep their case", "[references]") {
  CHECK(split_identifiers("App.Users", '.') == Names{"app", "users"});
  CHECK(split_identifiers("\"App\".\"Order \"\"Items\"\"\"", '.') == Names{"App", "Order \"Items\""});
  CHECK(split_identifiers("orders_id_seq", '.') == Names{"orders_id_seq"});
}

TEST_CASE("identifier text: lists skip whitespace around each element", "[references]") {
  CHECK(split_identifiers(" app ,  \"$user\",public ", ',') == Names{"app", "$user", "public"});
  CHECK(split_identifiers("", ',') == Names{});
  CHECK(split_identifiers("   ", ',') == Names{});
}

TEST_CASE("identifier text: malformed text is rejected", "[references]") {
  CHECK_FALSE(split_identifiers("a,,b", ','));
  CHECK_FALSE(split_identifiers("a,", ','));
  CHECK_FALSE(split_identifiers("\"open", '.'));
  CHECK_FALSE(split_identifiers("\"\"", '.'));
  CHECK_FALSE(split_identifiers("a b", '.'));
}
