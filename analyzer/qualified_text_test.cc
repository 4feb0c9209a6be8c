#include "analyzer/qualified_text.h"

#include <catch2/catch.hpp>

using namespace migc;

TEST_CASE("names_object finds whole qualified names only", "[qualified-text]") {
  const QualifiedName status{"public", "status"};
  CHECK(names_object("public.status", status));
  CHECK(names_object("public.status[]", status));
  CHECK(names_object("a integer, OUT s public.status", status));
  CHECK(names_object("function public.f(integer,public.status)", status));
  CHECK(names_object("composite type column public.status.x", status));
  CHECK_FALSE(names_object("public.status2", status));
  CHECK_FALSE(names_object("app.public.status", status));
  CHECK_FALSE(names_object("mypublic.status", status));
  CHECK(names_object("\"S x\".\"T\"[]", {"S x", "T"}));
}

TEST_CASE("rename_object_in rewrites every mention", "[qualified-text]") {
  CHECK(rename_object_in("a public.status, b public.status[]", {"public", "status"}, {"app", "state"}) ==
        "a app.state, b app.state[]");
  CHECK(rename_object_in("public.status2", {"public", "status"}, {"app", "state"}) == "public.status2");
}

TEST_CASE("schema prefixes", "[qualified-text]") {
  CHECK(names_schema("table app.users", "app"));
  CHECK(names_schema("function public.f(app.t)", "app"));
  CHECK_FALSE(names_schema("table myapp.users", "app"));
  CHECK_FALSE(names_schema("schema app", "app"));
  CHECK(rename_schema_in("trigger t on app.x", "app", "core") == "trigger t on core.x");
  CHECK(rename_schema_in("x app.t, y \"app\".t", "app", "New") == "x \"New\".t, y \"app\".t");
}
