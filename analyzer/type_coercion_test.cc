#include "analyzer/type_coercion.h"

#include <catch2/catch.hpp>

using migc::classify_type_change;
using migc::is_utc_timezone;

namespace {

// {rewrite, narrowing} of a change outside UTC on PostgreSQL 15.
std::pair<bool, bool> change(std::string_view from, std::string_view to, bool utc = false, int version = 150000) {
  auto c = classify_type_change(from, to, utc, version);
  return {c.rewrite, c.narrowing};
}

}  // namespace

TEST_CASE("type changes that PostgreSQL 15 makes in place", "[hazards][type_coercion]") {
  // Each measured on PostgreSQL 15.20: no new relfilenode.
  CHECK(change("character varying(50)", "character varying(100)") == std::pair{false, false});
  CHECK(change("character varying(50)", "character varying") == std::pair{false, false});
  CHECK(change("character varying(50)", "text") == std::pair{false, false});
  CHECK(change("text", "character varying") == std::pair{false, false});
  CHECK(change("text", "public.citext") == std::pair{false, false});
  CHECK(change("numeric(10,2)", "numeric(12,2)") == std::pair{false, false});
  CHECK(change("numeric(10,2)", "numeric") == std::pair{false, false});
  CHECK(change("cidr", "inet") == std::pair{false, false});
  CHECK(change("bit varying(5)", "bit varying(10)") == std::pair{false, false});
  CHECK(change("timestamp(3) without time zone", "timestamp without time zone") == std::pair{false, false});
  CHECK(change("time(2) without time zone", "time without time zone") == std::pair{false, false});
  CHECK(change("integer", "integer") == std::pair{false, false});
}

TEST_CASE("type changes that rewrite, and the ones that narrow", "[hazards][type_coercion]") {
  CHECK(change("integer", "bigint") == std::pair{true, false});
  CHECK(change("bigint", "integer") == std::pair{true, true});
  CHECK(change("integer", "smallint") == std::pair{true, true});
  CHECK(change("json", "jsonb") == std::pair{true, false});
  CHECK(change("character varying(100)", "character varying(20)") == std::pair{true, true});
  CHECK(change("text", "character varying(20)") == std::pair{true, true});
  CHECK(change("text", "character(5)") == std::pair{true, true});
  CHECK(change("character(5)", "character(10)") == std::pair{true, false});
  CHECK(change("character(5)", "text") == std::pair{true, false});
  CHECK(change("numeric(10,2)", "numeric(10,3)") == std::pair{true, true});  // one integer digit fewer
  CHECK(change("numeric(10,2)", "numeric(12,3)") == std::pair{true, false});
  CHECK(change("numeric(12,4)", "numeric(12,2)") == std::pair{true, true});
  CHECK(change("numeric", "numeric(10,2)") == std::pair{true, true});
  CHECK(change("numeric(10,2)", "integer") == std::pair{true, true});
  CHECK(change("double precision", "real") == std::pair{true, true});
  CHECK(change("timestamp without time zone", "timestamp(3) without time zone") == std::pair{true, true});
  CHECK(change("timestamp with time zone", "date") == std::pair{true, true});
  CHECK(change("character varying(10)[]", "text[]") == std::pair{true, false});  // arrays convert per element
  CHECK(change("text", "text[]") == std::pair{true, false});
}

TEST_CASE("timestamp to timestamptz depends on the session TimeZone and the version", "[hazards][type_coercion]") {
  CHECK(change("timestamp without time zone", "timestamp with time zone") == std::pair{true, false});
  CHECK(change("timestamp without time zone", "timestamp with time zone", true) == std::pair{false, false});
  CHECK(change("timestamp with time zone", "timestamp without time zone", true) == std::pair{false, false});
  CHECK(change("timestamp without time zone", "timestamp with time zone", true, 110000) == std::pair{true, false});
  CHECK(change("timestamp without time zone", "timestamp(0) with time zone", true) == std::pair{true, true});

  for (const char* zone : {"UTC", "'UTC'", "Etc/UTC", "gmt", "Zulu", "UTC+0", "0", "+00:00", "etc/universal"})
    CHECK(is_utc_timezone(zone));
  for (const char* zone : {"Europe/Oslo", "Europe/London", "UTC+1", "1", "", "DEFAULT", "localtime"})
    CHECK_FALSE(is_utc_timezone(zone));
}
