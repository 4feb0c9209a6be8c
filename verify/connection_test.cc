#include "verify/connection.h"

#include <catch2/catch.hpp>

#include "verify/local_server.h"
#include "verify/verify_test_support.h"

using namespace migc;
using namespace migc::test;

TEST_CASE("a connection runs statements as sent and says why one fails", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  Connection db(server->conninfo("postgres"));
  CHECK(db.value("SELECT 41 + 1") == "42");
  CHECK(db.value("SELECT NULL") == "");
  CHECK(db.value("SELECT 1 WHERE false") == "");
  // Several statements, no transaction of its own: the statements decide.
  db.exec("BEGIN; CREATE TABLE t (id int); ROLLBACK");
  CHECK(db.value("SELECT count(*) FROM pg_class WHERE relname = 't'") == "0");
  db.exec("DO $$ BEGIN RAISE NOTICE 'kept to itself'; END $$");  // notices are not printed
  try {
    db.exec("SELECT * FROM missing_table");
    FAIL("no error");
  } catch (const SqlError& e) {
    CHECK(std::string(e.what()).starts_with("ERROR:  relation \"missing_table\" does not exist"));
  }
  CHECK(db.value("SELECT 1") == "1");  // usable after an error
  server->stop();
  CHECK_THROWS_AS(db.exec("SELECT 1"), ConnectionError);
}

TEST_CASE("a connection that cannot be made throws libpq's reason", "[verify]") {
  try {
    Connection db("host=/nonexistent-migc-socket-dir dbname=postgres connect_timeout=1");
    FAIL("connected");
  } catch (const ConnectionError& e) {
    CHECK(std::string(e.what()).find("/nonexistent-migc-socket-dir") != std::string::npos);
  }
}
