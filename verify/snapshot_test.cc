#include "verify/snapshot.h"

#include <catch2/catch.hpp>

#include "verify/databases.h"
#include "verify/verify_test_support.h"

using namespace migc;
using namespace migc::test;
using nlohmann::json;

namespace {

const char* kSchema = R"sql(
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('active', 'disabled');
ALTER TYPE app.status ADD VALUE 'new' BEFORE 'active';
CREATE DOMAIN app.email AS text CHECK (VALUE ~ '@');
CREATE TABLE app.users (id bigserial PRIMARY KEY, tmp int, email app.email NOT NULL UNIQUE,
                        status app.status DEFAULT 'active', created timestamptz DEFAULT '2020-01-01');
ALTER TABLE app.users DROP COLUMN tmp;
CREATE TABLE app.sessions (id int GENERATED ALWAYS AS IDENTITY, user_id bigint REFERENCES app.users ON DELETE CASCADE,
                           token text CHECK (length(token) > 3));
CREATE INDEX ON app.sessions (lower(token) DESC) WHERE token IS NOT NULL;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER touch BEFORE UPDATE OR INSERT ON app.sessions FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE VIEW app.active AS SELECT id FROM app.users WHERE status = 'active';
COMMENT ON COLUMN app.users.email IS 'where to write';
)sql";

json find(const json& list, const std::string& name) {
  for (const auto& item : list)
    if (item["name"] == name) return item;
  return nullptr;
}

}  // namespace

TEST_CASE("the same schema snapshots to the same JSON in two databases, by name and position", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  Databases databases(*server);
  std::vector<json> snapshots;
  for (const char* purpose : {"one", "two"}) {
    Connection db(server->conninfo(databases.create(purpose)));
    if (snapshots.empty()) db.exec("CREATE TABLE app_padding (x int); DROP TABLE app_padding;");  // other oids
    db.exec(kSchema);
    snapshots.push_back(snapshot_schema(db));
  }
  CHECK(snapshots[0] == snapshots[1]);

  const json& s = snapshots[0];
  CHECK(s["schemas"] == json::parse(R"([{"name": "app"}, {"name": "public"}])"));
  json users = find(s["tables"], "app.users");
  std::vector<std::string> columns;
  for (const auto& c : users["columns"]) columns.push_back(c["name"]);
  CHECK(columns == std::vector<std::string>{"id", "email", "status", "created"});  // the dropped column leaves no gap
  CHECK(find(users["columns"], "created")["default"] == "'2020-01-01 00:00:00+00'::timestamp with time zone");
  CHECK(find(s["types"], "app.status")["labels"] == json::parse(R"(["new", "active", "disabled"])"));
  json sessions = find(s["tables"], "app.sessions");
  CHECK(find(sessions["columns"], "id") == json::parse(R"({"name": "id", "type": "integer", "not_null": true, "identity": "always"})"));
  CHECK(find(sessions["constraints"], "sessions_user_id_fkey")["references"] ==
        json::parse(R"({"table": "app.users", "columns": ["id"]})"));
  CHECK(find(sessions["triggers"], "touch")["events"] == json::parse(R"(["INSERT", "UPDATE"])"));
  CHECK(find(s["indexes"], "app.sessions_lower_idx")["keys"] == json::parse(R"(["lower(token) DESC"])"));
  // The identity sequence belongs to its column; the serial one is listed.
  CHECK(s["sequences"] == json::parse(R"([{"name": "app.users_id_seq", "type": "bigint", "owned_by": "app.users.id"}])"));
  CHECK(find(s["comments"], "table column app.users.email")["text"] == "where to write");
  CHECK(find(s["comments"], "schema public")["text"] == "standard public schema");
}
