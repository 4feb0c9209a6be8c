// What ALTER COLUMN … TYPE does to existing rows, judged from the old and new types as
// format_type() prints them. PostgreSQL skips the rewrite when the conversion is binary
// coercible and any length/precision change only widens (ATColumnChangeRequiresRewrite and the
// typmod support functions of varchar, varbit, numeric and the time types).
#pragma once
#include <string_view>

namespace migc {

struct TypeChange {
  bool rewrite = false;    // rewrites the table and rebuilds its indexes
  bool narrowing = false;  // values may not fit: they are cut, rounded, or make the change fail
};

// `from` and `to` are built-in format_type() texts (domains already replaced by their base
// type); `utc_session` says the session TimeZone has a fixed zero offset, which makes timestamp
// <-> timestamptz binary coercible from PostgreSQL 12.
TypeChange classify_type_change(std::string_view from, std::string_view to, bool utc_session, int pg_version_num);

// Whether a TimeZone setting value names a zone with a fixed zero offset ("UTC", "Etc/UTC",
// "GMT", "Zulu", "UTC+0", "0", "+00:00", …), quotes and case ignored.
bool is_utc_timezone(std::string_view value);

}  // namespace migc
