#include "analyzer/function_signature.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

// The one function `sql` creates, as the catalog holds it.
const Function& created(const test::Replayed& r) {
  REQUIRE(r.catalog.functions.size() == 1);
  return r.catalog.functions.begin()->second;
}

}  // namespace

TEST_CASE("without_typmods drops typmods as pg_proc stores argument types", "[function-signature]") {
  CHECK(without_typmods("character varying(20)") == "character varying");
  CHECK(without_typmods("numeric(10,2)[]") == "numeric[]");
  CHECK(without_typmods("timestamp(3) with time zone") == "timestamp with time zone");
  CHECK(without_typmods("public.\"odd(name)\"") == "public.\"odd(name)\"");
}

TEST_CASE("force_qualified qualifies built-ins without SQL names", "[function-signature]") {
  CHECK(force_qualified("integer") == "integer");
  CHECK(force_qualified("character varying") == "character varying");
  CHECK(force_qualified("timestamp with time zone") == "timestamp with time zone");
  CHECK(force_qualified("text") == "pg_catalog.text");
  CHECK(force_qualified("text[]") == "pg_catalog.text[]");
  CHECK(force_qualified("\"char\"") == "pg_catalog.\"char\"");
  CHECK(force_qualified("public.status[]") == "public.status[]");
}

// Expected strings below are what PostgreSQL 15 prints (pg_get_function_identity_arguments,
// pg_get_function_result, pg_identify_object) with search_path = pg_catalog.
TEST_CASE("identity arguments keep names and modes, drop defaults and typmods", "[function-signature]") {
  auto r = test::replay_sql({"CREATE FUNCTION public.g(p_id integer, OUT q text, INOUT r numeric(10,2), "
                             "VARIADIC v text[]) RETURNS record LANGUAGE sql AS 'SELECT null::text, 1::numeric'"});
  const Function& f = created(r);
  CHECK(f.arguments == "p_id integer, OUT q text, INOUT r numeric, VARIADIC v text[]");
  CHECK(f.input_types == "integer,numeric,pg_catalog.text[]");
  CHECK(f.returns == "record");
}

TEST_CASE("procedures mark IN arguments", "[function-signature]") {
  auto r = test::replay_sql({"CREATE PROCEDURE public.p(IN a int, OUT b int, INOUT c text) LANGUAGE sql "
                             "AS 'SELECT 1, ''x'''"});
  const Function& f = created(r);
  CHECK(f.arguments == "IN a integer, OUT b integer, INOUT c text");
  CHECK(f.input_types == "integer,pg_catalog.text");
  CHECK(f.returns.empty());
}

TEST_CASE("TABLE results and defaults", "[function-signature]") {
  auto r = test::replay_sql({"CREATE FUNCTION public.h(a int, b text DEFAULT 'x') "
                             "RETURNS TABLE(x varchar(3), \"B c\" numeric(4,2)) LANGUAGE sql AS 'SELECT 1, 1.0'"});
  const Function& f = created(r);
  CHECK(f.arguments == "a integer, b text");
  CHECK(f.input_types == "integer,pg_catalog.text");
  CHECK(f.returns == "TABLE(x character varying, \"B c\" numeric)");
}

TEST_CASE("results from OUT arguments, SETOF and user types", "[function-signature]") {
  SECTION("one OUT argument is the result") {
    auto r = test::replay_sql({"CREATE FUNCTION public.r1(OUT a int) LANGUAGE sql AS 'SELECT 1'"});
    CHECK(created(r).arguments == "OUT a integer");
    CHECK(created(r).input_types.empty());
    CHECK(created(r).returns == "integer");
  }
  SECTION("SETOF a table's row type reads the table") {
    auto r = test::replay_sql({"CREATE TABLE t (a int); CREATE FUNCTION r4() RETURNS SETOF t LANGUAGE sql "
                               "AS 'SELECT * FROM t'"});
    CHECK(created(r).returns == "SETOF public.t");
    CHECK(r.has_reference(0, 1, relation_ref({"public", "t"}), Access::Read));
    CHECK_FALSE(r.has_reference(0, 1, type_ref({"public", "t"}), Access::Read));
  }
  SECTION("an enum argument is qualified and read") {
    auto r = test::replay_sql({"CREATE SCHEMA \"S x\"; CREATE TYPE \"S x\".\"T\" AS ENUM ('a');"
                               "CREATE FUNCTION \"S x\".\"F\"(a \"S x\".\"T\", b \"S x\".\"T\"[]) RETURNS int "
                               "LANGUAGE sql AS 'SELECT 1'"});
    const Function& f = created(r);
    CHECK(f.arguments == "a \"S x\".\"T\", b \"S x\".\"T\"[]");
    CHECK(f.input_types == "\"S x\".\"T\",\"S x\".\"T\"[]");
    CHECK(r.has_reference(0, 2, type_ref({"S x", "T"}), Access::Read));
  }
  SECTION("built-in argument types") {
    auto r = test::replay_sql({"CREATE FUNCTION public.r7(uuid, jsonb, bool, date, int8, float4, timestamp, "
                               "varbit, bytea, text[], int[]) RETURNS int LANGUAGE sql AS 'SELECT 1'"});
    const Function& f = created(r);
    CHECK(f.arguments == "uuid, jsonb, boolean, date, bigint, real, timestamp without time zone, bit varying, "
                         "bytea, text[], integer[]");
    CHECK(f.input_types == "pg_catalog.uuid,pg_catalog.jsonb,boolean,pg_catalog.date,bigint,real,"
                           "timestamp without time zone,bit varying,pg_catalog.bytea,pg_catalog.text[],integer[]");
  }
}

TEST_CASE("%TYPE arguments take the column's type", "[function-signature]") {
  auto r = test::replay_sql({"CREATE TABLE users (email varchar(80));"
                             "CREATE FUNCTION find(e users.email%TYPE) RETURNS int LANGUAGE sql AS 'SELECT 1'"});
  CHECK(created(r).arguments == "e character varying");
  CHECK(r.has_reference(0, 1, column_ref({"public", "users"}, "email"), Access::Read));
}
