#include "analyzer/volatility.h"

#include <catch2/catch.hpp>

#include "analyzer/sql_tree.h"

using migc::Catalog;
using migc::first_volatile_call;
using migc::Function;
using migc::SearchPath;
using migc::SqlExpression;

namespace {

std::optional<std::string> volatile_call(const std::string& expression, const Catalog& catalog = {}) {
  SqlExpression parsed(expression);
  REQUIRE(parsed.expr());
  return first_volatile_call(parsed.expr(), catalog, SearchPath{});
}

void add_function(Catalog& catalog, const std::string& schema, const std::string& name, char volatility) {
  Function f;
  f.name = {schema, name};
  f.volatility = volatility;
  catalog.functions[{f.name, ""}] = f;
}

}  // namespace

TEST_CASE("volatile built-in calls are found anywhere in an expression", "[hazards][volatility]") {
  CHECK(volatile_call("gen_random_uuid()") == "gen_random_uuid");
  CHECK(volatile_call("md5(random()::text)") == "random");
  CHECK(volatile_call("pg_catalog.clock_timestamp() + interval '1 day'") == "clock_timestamp");
  CHECK(volatile_call("nextval('public.t_id_seq'::regclass)") == "nextval");
  CHECK(volatile_call("uuid_generate_v4()") == "uuid_generate_v4");
  CHECK(volatile_call("CASE WHEN true THEN 1 ELSE (random() * 10)::int END") == "random");
}

TEST_CASE("stable and immutable defaults are not volatile", "[hazards][volatility]") {
  CHECK_FALSE(volatile_call("now()"));
  CHECK_FALSE(volatile_call("CURRENT_TIMESTAMP"));
  CHECK_FALSE(volatile_call("now() - interval '1 day'"));
  CHECK_FALSE(volatile_call("lower('ABC')"));
  CHECK_FALSE(volatile_call("'{}'::jsonb"));
  CHECK_FALSE(volatile_call("ARRAY[]::text[]"));
  CHECK_FALSE(volatile_call("42"));
}

TEST_CASE("user functions follow their declared volatility; unknown qualified ones are volatile",
          "[hazards][volatility]") {
  Catalog catalog;
  add_function(catalog, "app", "next_code", 'v');
  add_function(catalog, "public", "tenant_default", 's');
  CHECK(volatile_call("app.next_code()", catalog) == "next_code");
  CHECK_FALSE(volatile_call("tenant_default()", catalog));
  CHECK_FALSE(volatile_call("public.tenant_default()", catalog));
  CHECK(volatile_call("app.unknown_fn()", catalog) == "unknown_fn");
  // An unqualified built-in name reaches pg_catalog before any schema of the search_path.
  add_function(catalog, "public", "random", 'i');
  CHECK(volatile_call("random()", catalog) == "random");
}
