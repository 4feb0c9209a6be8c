#include "verify/schema_diff.h"

#include <catch2/catch.hpp>

using namespace migc;
using nlohmann::json;

namespace {

const Sides kSides{"predicted", "database"};

json users_table() {
  return json::parse(R"j({
    "name": "auth.users", "kind": "table",
    "columns": [
      {"name": "id", "type": "bigint", "not_null": true, "default": "nextval('auth.users_id_seq'::regclass)"},
      {"name": "email", "type": "text"},
      {"name": "status", "type": "auth.status"}
    ],
    "constraints": [{"name": "users_pkey", "type": "primary key", "columns": ["id"]}]
  })j");
}

}  // namespace

TEST_CASE("without_defaults drops null, false, empty strings and empty lists at every depth", "[verify]") {
  json in = json::parse(R"j({"tables": [{"name": "t", "unlogged": false, "inherits": [], "partition_key": "",
                                        "columns": [{"name": "a", "not_null": false, "default": null}]}],
                            "views": []})j");
  CHECK(without_defaults(in) == json::parse(R"j({"tables": [{"name": "t", "columns": [{"name": "a"}]}]})j"));
}

TEST_CASE("equal schemas have no differences", "[verify]") {
  json s = {{"schemas", {{{"name", "public"}}}}, {"tables", {users_table()}}};
  CHECK(compare_schemas(s, s, kSides, ExpressionMatch::Text).empty());
}

TEST_CASE("differences are reported object by object and field by field", "[verify]") {
  json predicted = {{"tables", {users_table()}},
                    {"indexes", {{{"name", "auth.users_pkey"}, {"table", "auth.users"}, {"keys", {"id"}}}}}};
  json actual = predicted;
  actual["tables"][0]["columns"][1]["type"] = "character varying(20)";
  actual["tables"][0]["columns"][2]["not_null"] = true;
  actual["tables"][0]["constraints"].push_back({{"name", "users_email_key"}, {"type", "unique"}, {"columns", {"email"}}});
  actual["types"] = {{{"name", "auth.status"}, {"kind", "enum"}, {"labels", {"active"}}}};
  actual.erase("indexes");

  auto diffs = compare_schemas(predicted, actual, kSides, ExpressionMatch::Text);
  REQUIRE(diffs.size() == 3);
  // Sections in the format's order: tables, indexes, …, types.
  CHECK(diffs[0].object == "table auth.users");
  CHECK(diffs[0].only_in.empty());
  CHECK(diffs[0].details == std::vector<std::string>{
                                "column email: type: predicted text, database character varying(20)",
                                "column status: not_null: predicted (absent), database true",
                                "constraint users_email_key: only in database",
                            });
  CHECK(diffs[1].object == "index auth.users_pkey");
  CHECK(diffs[1].only_in == "predicted");
  CHECK(diffs[2].object == "enum type auth.status");
  CHECK(diffs[2].only_in == "database");
  CHECK(difference_text(diffs[0]) ==
        "table auth.users\n"
        "  column email: type: predicted text, database character varying(20)\n"
        "  column status: not_null: predicted (absent), database true\n"
        "  constraint users_email_key: only in database\n");
  CHECK(difference_json(diffs[1]) == json::parse(R"j({"object": "index auth.users_pkey", "only_in": "predicted"})j"));
}

TEST_CASE("column order is part of the schema", "[verify]") {
  json left = {{"tables", {users_table()}}};
  json right = left;
  std::swap(right["tables"][0]["columns"][1], right["tables"][0]["columns"][2]);
  auto diffs = compare_schemas(left, right, {"compiled order", "order 1"}, ExpressionMatch::Text);
  REQUIRE(diffs.size() == 1);
  CHECK(diffs[0].details ==
        std::vector<std::string>{"column order: compiled order id, email, status; order 1 id, status, email"});
}

TEST_CASE("expressions compare by presence against a prediction, by text between databases", "[verify]") {
  json predicted = {{"tables", {users_table()}},
                    {"indexes", {{{"name", "auth.i"}, {"keys", {"lower(email)", "id"}}, {"predicate", "email IS NOT NULL"}}}}};
  json actual = predicted;
  actual["tables"][0]["columns"][0]["default"] = "nextval('auth.users_id_seq')";
  actual["indexes"][0]["keys"][0] = "lower((email)::text)";
  actual["indexes"][0]["predicate"] = "(email IS NOT NULL)";
  CHECK(compare_schemas(predicted, actual, kSides, ExpressionMatch::Presence).empty());
  CHECK(compare_schemas(predicted, actual, kSides, ExpressionMatch::Text).size() == 2);

  // A column key is still compared exactly, and a missing expression is still a difference.
  actual["indexes"][0]["keys"][1] = "email";
  actual["tables"][0]["columns"][0].erase("default");
  auto diffs = compare_schemas(predicted, actual, kSides, ExpressionMatch::Presence);
  REQUIRE(diffs.size() == 2);
  CHECK(diffs[0].details ==
        std::vector<std::string>{"column id: default: predicted nextval('auth.users_id_seq'::regclass), database (absent)"});
  CHECK(diffs[1].details ==
        std::vector<std::string>{R"j(keys: predicted ["lower(email)","id"], database ["lower((email)::text)","email"])j"});
}

TEST_CASE("objects that were there before the migrations and stayed unchanged are not the model's", "[verify]") {
  json baseline = json::parse(R"j({"schemas": [{"name": "public"}], "comments": [{"name": "schema public", "text": "standard public schema"}],
                                  "tables": [{"name": "public.setup", "kind": "table"}]})j");
  json actual = baseline;
  actual["tables"].push_back({{"name", "public.t"}, {"kind", "table"}});
  actual["tables"][0]["unlogged"] = true;  // changed by a migration: still compared
  json predicted = json::parse(R"j({"schemas": [{"name": "public"}], "tables": [{"name": "public.t", "kind": "table"}]})j");
  json kept = without_preexisting(actual, baseline, predicted);
  CHECK(kept == json::parse(R"j({"schemas": [{"name": "public"}],
                                "tables": [{"name": "public.setup", "kind": "table", "unlogged": true},
                                           {"name": "public.t", "kind": "table"}]})j"));
}

TEST_CASE("an extension's schema is compared only where the prediction has one", "[verify]") {
  json predicted = json::parse(R"j({"extensions": [{"name": "citext"}, {"name": "pgcrypto", "schema": "app"}]})j");
  json actual = json::parse(R"j({"extensions": [{"name": "citext", "schema": "public"},
                                               {"name": "pgcrypto", "schema": "public"},
                                               {"name": "hstore", "schema": "public"}]})j");
  json open = without_open_fields(actual, predicted);
  CHECK(open == json::parse(R"j({"extensions": [{"name": "citext"}, {"name": "pgcrypto", "schema": "public"},
                                               {"name": "hstore", "schema": "public"}]})j"));
  auto diffs = compare_schemas(predicted, open, kSides, ExpressionMatch::Presence);
  REQUIRE(diffs.size() == 2);
  CHECK(diffs[0].object == "extension hstore");
  CHECK(diffs[1].details == std::vector<std::string>{"schema: predicted app, database public"});
}
