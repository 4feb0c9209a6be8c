#include "emit/schema_json.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using nlohmann::json;

namespace {

Relation& add(Catalog& c, Relation r) { return c.relations[r.name] = std::move(r); }

// A small shop schema covering every kind of object, filled in by hand.
Catalog shop_catalog() {
  Catalog c;
  c.schemas["shop"] = {"shop", {}};
  c.schemas["Weird Schema"] = {"Weird Schema", {}};
  c.extensions["pgcrypto"] = {"pgcrypto", "public", "1.3", {}};
  c.extensions["uuid-ossp"] = {"uuid-ossp", "", "", {}};
  add(c, {.name = {"shop", "users"},
          .columns = {{.name = "id", .type = "integer", .not_null = true,
                       .default_expr = "nextval('shop.users_id_seq'::regclass)"},
                      {.name = "Email", .type = "text", .collation = "C"},
                      {.name = "status", .type = "shop.status", .default_expr = "'active'::shop.status"}},
          .constraints = {{.name = "users_pkey", .type = 'p', .columns = {"id"}, .index = "users_pkey"},
                          {.name = "users_Email_check", .type = 'c', .columns = {"Email"},
                           .expression = "\"Email\" <> ''", .validated = false}},
          .triggers = {{.name = "users_touch", .timing = "BEFORE", .events = {"UPDATE", "INSERT"},
                        .for_each_row = true, .function = {"shop", "touch"}, .enabled = false}},
          .policies = {{.name = "own_rows", .command = "SELECT", .permissive = false, .roles = {"reader", "Admin"},
                        .using_expr = "true"}},
          .rls_enabled = true});
  add(c, {.name = {"shop", "orders"},
          .kind = RelKind::PartitionedTable,
          .columns = {{.name = "id", .type = "bigint", .not_null = true, .identity = 'a'},
                      {.name = "user_id", .type = "integer"},
                      {.name = "total", .type = "numeric(12,2)", .generated = "(price * qty)"}},
          .constraints = {{.name = "orders_user_id_fkey", .type = 'f', .columns = {"user_id"},
                           .ref_table = {"shop", "users"}, .on_delete = "c", .on_update = "a",
                           .deferrable = true, .initially_deferred = true}},
          .partition_key = "RANGE (id)"});
  add(c, {.name = {"shop", "orders_1"}, .columns = {{.name = "id", .type = "bigint", .not_null = true}},
          .unlogged = true, .partition_of = QualifiedName{"shop", "orders"},
          .partition_bound = "FOR VALUES FROM (0) TO (100)"});
  add(c, {.name = {"shop", "users_pkey"}, .kind = RelKind::Index,
          .index = {.table = {"shop", "users"}, .unique = true, .primary = true, .keys = {"id"},
                    .constraint = "users_pkey"}});
  add(c, {.name = {"shop", "users_lower_idx"}, .kind = RelKind::Index,
          .index = {.table = {"shop", "users"}, .method = "hash", .keys = {"lower(\"Email\")"}, .include = {"Email"},
                    .predicate = "(id > 0)"}});
  add(c, {.name = {"shop", "users_id_seq"}, .kind = RelKind::Sequence,
          .sequence = {.type = "integer", .owned_by = std::pair{QualifiedName{"shop", "users"}, std::string("id")}}});
  add(c, {.name = {"shop", "orders_id_seq"}, .kind = RelKind::Sequence,
          .sequence = {.owned_by = std::pair{QualifiedName{"shop", "orders"}, std::string("id")}, .identity = true}});
  add(c, {.name = {"shop", "active"}, .kind = RelKind::View, .query = "SELECT id FROM shop.users"});
  add(c, {.name = {"shop", "counts"}, .kind = RelKind::MaterializedView, .query = "SELECT count(*) FROM shop.users",
          .populated = false});
  add(c, {.name = {"Weird Schema", "Base"}, .columns = {{.name = "a", .type = "integer"}}});
  add(c, {.name = {"Weird Schema", "child"}, .columns = {{.name = "a", .type = "integer"}},
          .inherits = {{"Weird Schema", "Base"}}});
  c.types[{"shop", "status"}] = {.name = {"shop", "status"}, .kind = TypeKind::Enum, .labels = {"active", "gone"}};
  c.types[{"shop", "positive"}] = {.name = {"shop", "positive"}, .kind = TypeKind::Domain, .base_type = "integer",
                                   .not_null = true, .default_expr = "1",
                                   .constraints = {{.name = "positive_check", .expression = "(VALUE > 0)"}}};
  c.types[{"shop", "pair"}] = {.name = {"shop", "pair"}, .kind = TypeKind::Composite,
                               .attributes = {{.name = "x", .type = "integer"}, {.name = "y", .type = "text"}}};
  c.functions[{{"shop", "touch"}, ""}] = {.name = {"shop", "touch"}, .returns = "trigger", .language = "plpgsql"};
  c.functions[{{"shop", "purge"}, "p_days integer"}] = {.name = {"shop", "purge"}, .arguments = "p_days integer",
                                                       .procedure = true, .language = "sql"};
  c.comments["table shop.users"] = "People who buy";
  c.comments["schema shop"] = "The shop";
  return c;
}

}  // namespace

TEST_CASE("an empty catalog lists only the public schema", "[schema-json]") {
  CHECK(schema_json_text(Catalog()) == "{\n  \"schemas\": [\n    {\n      \"name\": \"public\"\n    }\n  ]\n}\n");
}

TEST_CASE("every kind of object in the documented shape", "[schema-json]") {
  json expected = json::parse(R"json({
    "schemas": [{"name": "\"Weird Schema\""}, {"name": "public"}, {"name": "shop"}],
    "extensions": [{"name": "\"uuid-ossp\""}, {"name": "pgcrypto", "schema": "public"}],
    "tables": [
      {"name": "\"Weird Schema\".\"Base\"", "kind": "table", "columns": [{"name": "a", "type": "integer"}]},
      {"name": "\"Weird Schema\".child", "kind": "table", "inherits": ["\"Weird Schema\".\"Base\""],
       "columns": [{"name": "a", "type": "integer"}]},
      {"name": "shop.orders", "kind": "partitioned table", "partition_key": "RANGE (id)",
       "columns": [{"name": "id", "type": "bigint", "not_null": true, "identity": "always"},
                   {"name": "user_id", "type": "integer"},
                   {"name": "total", "type": "numeric(12,2)", "generated": "(price * qty)"}],
       "constraints": [{"name": "orders_user_id_fkey", "type": "foreign key", "columns": ["user_id"],
                        "references": {"table": "shop.users", "columns": ["id"]}, "on_delete": "cascade",
                        "deferrable": true, "initially_deferred": true}]},
      {"name": "shop.orders_1", "kind": "table", "unlogged": true, "partition_of": "shop.orders",
       "partition_bound": "FOR VALUES FROM (0) TO (100)",
       "columns": [{"name": "id", "type": "bigint", "not_null": true}]},
      {"name": "shop.users", "kind": "table", "rls_enabled": true,
       "columns": [{"name": "id", "type": "integer", "not_null": true,
                    "default": "nextval('shop.users_id_seq'::regclass)"},
                   {"name": "\"Email\"", "type": "text", "collation": "C"},
                   {"name": "status", "type": "shop.status", "default": "'active'::shop.status"}],
       "constraints": [{"name": "\"users_Email_check\"", "type": "check", "expression": "\"Email\" <> ''",
                        "not_valid": true},
                       {"name": "users_pkey", "type": "primary key", "columns": ["id"]}],
       "triggers": [{"name": "users_touch", "timing": "BEFORE", "events": ["INSERT", "UPDATE"],
                     "for_each_row": true, "function": "shop.touch", "disabled": true}],
       "policies": [{"name": "own_rows", "command": "SELECT", "restrictive": true,
                     "roles": ["\"Admin\"", "reader"], "using": "true"}]}
    ],
    "indexes": [
      {"name": "shop.users_lower_idx", "table": "shop.users", "method": "hash", "keys": ["lower(\"Email\")"],
       "include": ["\"Email\""], "predicate": "(id > 0)"},
      {"name": "shop.users_pkey", "table": "shop.users", "method": "btree", "unique": true, "primary": true,
       "keys": ["id"], "constraint": "users_pkey"}
    ],
    "sequences": [{"name": "shop.users_id_seq", "type": "integer", "owned_by": "shop.users.id"}],
    "views": [{"name": "shop.active", "query": "SELECT id FROM shop.users"},
              {"name": "shop.counts", "materialized": true, "query": "SELECT count(*) FROM shop.users",
               "not_populated": true}],
    "functions": [{"name": "shop.purge(p_days integer)", "kind": "procedure", "language": "sql"},
                  {"name": "shop.touch()", "kind": "function", "returns": "trigger", "language": "plpgsql"}],
    "types": [
      {"name": "shop.pair", "kind": "composite",
       "attributes": [{"name": "x", "type": "integer"}, {"name": "y", "type": "text"}]},
      {"name": "shop.positive", "kind": "domain", "base_type": "integer", "not_null": true, "default": "1",
       "constraints": [{"name": "positive_check", "type": "check", "expression": "(VALUE > 0)"}]},
      {"name": "shop.status", "kind": "enum", "labels": ["active", "gone"]}
    ],
    "comments": [{"name": "schema shop", "text": "The shop"}, {"name": "table shop.users", "text": "People who buy"}]
  })json");
  json actual = schema_to_json(shop_catalog());
  INFO(actual.dump(2));
  CHECK(actual == expected);
}

TEST_CASE("the text is the same bytes whatever order the model holds things in", "[schema-json]") {
  Catalog a = shop_catalog(), b = shop_catalog();
  Relation& users = b.relations[{"shop", "users"}];
  std::reverse(users.constraints.begin(), users.constraints.end());
  users.triggers.front().events = {"INSERT", "UPDATE"};
  users.policies.front().roles = {"Admin", "reader"};
  std::string text = schema_json_text(a);
  CHECK(text == schema_json_text(b));
  CHECK(text == schema_json_text(a));
  CHECK(text.ends_with("}\n"));
  // Keys are sorted, the top level's too.
  CHECK(text.starts_with("{\n  \"comments\": [\n    {\n      \"name\": \"schema shop\",\n      \"text\""));
}

TEST_CASE("a foreign key to a table without a primary key lists no referenced columns", "[schema-json]") {
  Catalog c;
  add(c, {.name = {"public", "a"}});
  add(c, {.name = {"public", "b"},
          .constraints = {{.name = "b_x_fkey", .type = 'f', .columns = {"x"}, .ref_table = {"public", "a"}}}});
  json fk = schema_to_json(c)["tables"][1]["constraints"][0];
  CHECK(fk == json::parse(R"json({"name": "b_x_fkey", "type": "foreign key", "columns": ["x"],
                               "references": {"table": "public.a"}})json"));
}

TEST_CASE("replayed migrations give the schema JSON", "[schema-json][replay]") {
  auto r = test::replay_sql({"CREATE TABLE t (id int PRIMARY KEY)"});
  json doc = schema_to_json(r.catalog);
  CHECK(doc["tables"] == json::parse(R"json([{"name": "public.t", "kind": "table",
    "columns": [{"name": "id", "type": "integer", "not_null": true}],
    "constraints": [{"name": "t_pkey", "type": "primary key", "columns": ["id"]}]}])json"));
  CHECK(doc["indexes"] == json::parse(R"json([{"name": "public.t_pkey", "table": "public.t", "method": "btree",
    "unique": true, "primary": true, "keys": ["id"], "constraint": "t_pkey"}])json"));
}
