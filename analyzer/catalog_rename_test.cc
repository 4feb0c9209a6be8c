#include "analyzer/catalog_rename.h"

#include <catch2/catch.hpp>

using namespace migc;

namespace {

// app.status used by a column, a function argument, a domain and a comment key; a trigger
// calling app.touch().
Catalog sample() {
  Catalog c;
  c.schemas["app"] = Schema{"app", {}};
  TypeDef status;
  status.name = {"app", "status"};
  c.types[status.name] = status;
  TypeDef domain;
  domain.name = {"public", "d"};
  domain.kind = TypeKind::Domain;
  domain.base_type = "app.status";
  c.types[domain.name] = domain;
  Relation users;
  users.name = {"public", "users"};
  Column state;
  state.name = "state";
  state.type = "app.status[]";
  users.columns.push_back(state);
  Trigger trigger;
  trigger.name = "t";
  trigger.function = {"app", "touch"};
  users.triggers.push_back(trigger);
  c.relations[users.name] = users;
  Function f;
  f.name = {"app", "set_state"};
  f.arguments = "s app.status";
  f.input_types = "app.status";
  c.functions[{f.name, f.arguments}] = f;
  Function touch;
  touch.name = {"app", "touch"};
  touch.returns = "trigger";
  c.functions[{touch.name, ""}] = touch;
  c.comments["type app.status"] = "states";
  c.comments["function app.set_state(app.status)"] = "sets";
  c.comments["schema app"] = "the app";
  return c;
}

}  // namespace

TEST_CASE("renaming a type rewrites every mention", "[catalog-rename]") {
  Catalog c = sample();
  rename_type_everywhere(c, {"app", "status"}, {"app", "state"});
  CHECK(c.type({"app", "state"}));
  CHECK_FALSE(c.type({"app", "status"}));
  CHECK(c.type({"app", "state"})->name == QualifiedName{"app", "state"});
  CHECK(c.relation({"public", "users"})->columns[0].type == "app.state[]");
  CHECK(c.type({"public", "d"})->base_type == "app.state");
  REQUIRE(c.functions.count({{"app", "set_state"}, "s app.state"}) == 1);
  CHECK(c.functions.at({{"app", "set_state"}, "s app.state"}).input_types == "app.state");
  CHECK(c.comments.count("type app.state") == 1);
  CHECK(c.comments.count("function app.set_state(app.state)") == 1);
}

TEST_CASE("renaming a schema moves its objects and every mention", "[catalog-rename]") {
  Catalog c = sample();
  rename_schema_everywhere(c, "app", "core");
  CHECK(c.schemas.count("core") == 1);
  CHECK(c.schemas.count("app") == 0);
  CHECK(c.type({"core", "status"}));
  CHECK(c.relation({"public", "users"})->columns[0].type == "core.status[]");
  CHECK(c.relation({"public", "users"})->triggers[0].function == QualifiedName{"core", "touch"});
  CHECK(c.functions.count({{"core", "set_state"}, "s core.status"}) == 1);
  CHECK(c.comments.count("schema core") == 1);
  CHECK(c.comments.count("function core.set_state(core.status)") == 1);
}

TEST_CASE("renaming a function follows triggers and comments", "[catalog-rename]") {
  Catalog c = sample();
  c.comments["function app.touch()"] = "touches";
  rename_function_everywhere(c, {{"app", "touch"}, ""}, {"public", "touch_row"});
  CHECK(c.functions.count({{"public", "touch_row"}, ""}) == 1);
  CHECK(c.functions.at({{"public", "touch_row"}, ""}).name == QualifiedName{"public", "touch_row"});
  CHECK(c.relation({"public", "users"})->triggers[0].function == QualifiedName{"public", "touch_row"});
  CHECK(c.comments.count("function public.touch_row()") == 1);
  CHECK(c.comments.count("function app.touch()") == 0);
}
