// PostgreSQL identifier rules the analyzer needs: qualified names, quoting as quote_ident() does,
// the session's search_path, and the names PostgreSQL generates for unnamed objects.
// libpg_query has already case-folded unquoted identifiers, so names arrive as stored.
#pragma once
#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

struct QualifiedName {
  std::string schema;
  std::string name;
  auto operator<=>(const QualifiedName&) const = default;
};

// As PostgreSQL's quote_ident() with quote_all_identifiers off: quotes unless the name is
// lower-case letters, digits and underscores and not a keyword that needs quoting.
std::string quote_ident(std::string_view name);
// schema.name, each part quoted as needed: how pg_get_* print an object outside search_path.
std::string display_name(const QualifiedName& q);

// The session's search_path as SET search_path leaves it. "$user" is never a schema here
// (migrations run as an unnamed role), so the default is just public.
class SearchPath {
 public:
  SearchPath() : schemas_{"public"} {}
  explicit SearchPath(std::vector<std::string> schemas) : schemas_(std::move(schemas)) {}
  const std::vector<std::string>& schemas() const { return schemas_; }
  // Where CREATE puts an unqualified object: the first schema listed ("public" when empty).
  std::string creation_schema() const;

 private:
  std::vector<std::string> schemas_;
};

// The names of a protobuf String list (e.g. DropStmt objects, TypeName names), in order.
std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n);
// A RangeVar as a qualified name; an unqualified one takes `default_schema`.
QualifiedName range_var_name(const PgQuery__RangeVar* rv, const std::string& default_schema);
// A dotted name list ([schema,] name) as a qualified name; catalog-qualified lists drop the
// catalog part.
QualifiedName list_name(const std::vector<std::string>& parts, const std::string& default_schema);

// Bytes of `s` that fit in `limit` without splitting a UTF-8 character (pg_mbcliplen).
size_t clip_utf8(std::string_view s, size_t limit);

// PostgreSQL's makeObjectName(): name1_name2_label, with name1/name2 truncated (the longer one
// first) so that the whole fits in NAMEDATALEN-1 = 63 bytes. name2 and label may be empty.
std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label);

}  // namespace migc
