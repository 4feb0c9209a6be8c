#include "analyzer/type_coercion.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace migc {

namespace {

// A format_type() text taken apart: "timestamp(3) without time zone[]" is base "timestamp
// without time zone", modifiers {3}, one array dimension.
struct TypeText {
  std::string base;
  std::vector<int> mods;
  int array_dims = 0;
};

TypeText parse_type_text(std::string_view text) {
  TypeText t;
  while (text.ends_with("[]")) {
    text.remove_suffix(2);
    ++t.array_dims;
  }
  size_t open = text.find('('), close = text.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    t.base = text;
    return t;
  }
  t.base = std::string(text.substr(0, open)) + std::string(text.substr(close + 1));
  std::string_view mods = text.substr(open + 1, close - open - 1);
  while (!mods.empty()) {
    size_t comma = std::min(mods.find(','), mods.size());
    t.mods.push_back(std::atoi(std::string(mods.substr(0, comma)).c_str()));
    mods.remove_prefix(std::min(comma + 1, mods.size()));
  }
  return t;
}

bool is_time_type(const std::string& base) {
  return base == "timestamp without time zone" || base == "timestamp with time zone" ||
         base == "time without time zone" || base == "time with time zone" || base == "interval";
}

bool is_timestamp(const std::string& base) {
  return base == "timestamp without time zone" || base == "timestamp with time zone";
}

// Types whose values convert to each other without a function (pg_cast method 'b'); citext is
// the extension type, wherever it was installed.
bool is_text_like(const std::string& base) {
  return base == "text" || base == "character varying" || base == "citext" || base.ends_with(".citext");
}

// Length limit of a string type; nullopt when unbounded.
std::optional<int> length_limit(const TypeText& t) {
  if ((t.base == "character varying" || t.base == "character") && !t.mods.empty()) return t.mods[0];
  return std::nullopt;
}

bool shortens(const TypeText& from, const TypeText& to) {
  std::optional<int> old_limit = length_limit(from), new_limit = length_limit(to);
  return new_limit && (!old_limit || *new_limit < *old_limit);
}

int time_precision(const TypeText& t) { return t.mods.empty() ? 6 : t.mods[0]; }

// Rank among the integer types (0: not one), and which types hold fractions.
int integer_rank(const std::string& base) {
  if (base == "smallint") return 1;
  if (base == "integer") return 2;
  if (base == "bigint") return 3;
  return 0;
}
bool is_fractional(const std::string& base) {
  return base == "numeric" || base == "real" || base == "double precision";
}

TypeChange same_base_change(const TypeText& a, const TypeText& b) {
  const std::string& base = a.base;
  if (base == "character varying" || base == "bit varying") {
    bool narrower = !b.mods.empty() && (a.mods.empty() || b.mods[0] < a.mods[0]);
    return {narrower, narrower};
  }
  if (base == "numeric") {
    if (b.mods.empty()) return {};
    if (a.mods.empty()) return {true, true};
    int p = a.mods[0], s = a.mods.size() > 1 ? a.mods[1] : 0;
    int p2 = b.mods[0], s2 = b.mods.size() > 1 ? b.mods[1] : 0;
    return {!(s2 == s && p2 >= p), s2 < s || p2 - s2 < p - s};
  }
  if (is_time_type(base)) {
    bool coarser = time_precision(b) < time_precision(a);
    return {coarser, coarser};
  }
  bool shorter = (base == "character" || base == "bit") && !a.mods.empty() && !b.mods.empty() && b.mods[0] < a.mods[0];
  return {true, shorter};
}

TypeChange element_change(const TypeText& a, const TypeText& b, bool utc_session, int pg_version_num) {
  if (a.base == b.base) return same_base_change(a, b);
  if (is_text_like(a.base) && is_text_like(b.base)) {
    bool narrower = shortens(a, b);
    return {narrower, narrower};
  }
  if (a.base == "cidr" && b.base == "inet") return {};
  if (is_timestamp(a.base) && is_timestamp(b.base)) {
    bool coarser = time_precision(b) < time_precision(a);
    return {coarser || !utc_session || pg_version_num < 120000, coarser};
  }
  int from_rank = integer_rank(a.base), to_rank = integer_rank(b.base);
  bool narrowing = (from_rank && to_rank && to_rank < from_rank) || (is_fractional(a.base) && to_rank) ||
                   (a.base == "numeric" && is_fractional(b.base)) ||
                   (a.base == "double precision" && b.base == "real") ||
                   (is_timestamp(a.base) && (b.base == "date" || b.base.starts_with("time "))) ||
                   ((is_text_like(a.base) || a.base == "character") && b.base == "character" && shortens(a, b));
  return {true, narrowing};
}

}  // namespace

TypeChange classify_type_change(std::string_view from, std::string_view to, bool utc_session, int pg_version_num) {
  if (from == to) return {};
  TypeText a = parse_type_text(from), b = parse_type_text(to);
  TypeChange change = element_change(a, b, utc_session, pg_version_num);
  // Arrays are converted element by element (ArrayCoerceExpr), which always rewrites.
  if (a.array_dims || b.array_dims) change.rewrite = true;
  if (a.array_dims != b.array_dims) change.narrowing = false;
  return change;
}

bool is_utc_timezone(std::string_view value) {
  std::string v;
  for (char c : value)
    if (c != '\'' && c != '"' && c != ' ') v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.starts_with("etc/")) v = v.substr(4);
  static const char* const kZeroZones[] = {"utc",   "uct",   "gmt",  "zulu",  "universal", "greenwich", "gmt0",
                                           "gmt+0", "gmt-0", "utc0", "utc+0", "utc-0",     "uct0"};
  for (const char* zone : kZeroZones)
    if (v == zone) return true;
  // A numeric offset (SET TIME ZONE 0, '+00:00'): only zeros after an optional sign.
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) v = v.substr(1);
  return !v.empty() && v.find_first_not_of("0:.") == std::string::npos && v.find('0') != std::string::npos;
}

}  // namespace migc
