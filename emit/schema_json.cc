#include "emit/schema_json.h"

#include <algorithm>

namespace migc {

using json = nlohmann::json;

namespace {

// Fields are written only when they differ from the default (false, "", empty list), so that
// "absent" and "default" print the same on both sides of a comparison.
void put_flag(json& j, const char* key, bool value) {
  if (value) j[key] = true;
}
void put_text(json& j, const char* key, std::string_view value) {
  if (!value.empty()) j[key] = value;
}
void put_expression(json& j, const char* key, const std::optional<std::string>& value) {
  if (value) j[key] = *value;  // present even when it could not be deparsed: presence is what compares
}
void put_list(json& j, const char* key, json list) {
  if (!list.empty()) j[key] = std::move(list);
}

json sorted_by_name(std::vector<json> items) {
  std::sort(items.begin(), items.end(), [](const json& a, const json& b) {
    return a["name"].get_ref<const std::string&>() < b["name"].get_ref<const std::string&>();
  });
  return json(std::move(items));
}

json sorted_strings(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return json(std::move(items));
}

json quoted_names(const std::vector<std::string>& names) {
  json out = json::array();
  for (const auto& n : names) out.push_back(quote_ident(n));
  return out;
}

std::string_view constraint_type_name(char type) {
  switch (type) {
    case 'p': return "primary key";
    case 'u': return "unique";
    case 'f': return "foreign key";
    case 'x': return "exclusion";
    default: return "check";
  }
}

// A foreign key written without a column list references the primary key of its target.
std::vector<std::string> referenced_columns(const Catalog& catalog, const Constraint& fk) {
  if (!fk.ref_columns.empty()) return fk.ref_columns;
  if (const Relation* target = catalog.relation(fk.ref_table))
    for (const auto& k : target->constraints)
      if (k.type == 'p') return k.columns;
  return {};
}

json column_json(const Column& c) {
  json j = {{"name", quote_ident(c.name)}, {"type", c.type}};
  put_flag(j, "not_null", c.not_null);
  put_expression(j, "default", c.default_expr);
  if (c.identity) j["identity"] = c.identity == 'a' ? "always" : "by default";
  put_expression(j, "generated", c.generated);
  put_text(j, "collation", c.collation);
  return j;
}

json constraint_json(const Catalog& catalog, const Constraint& k) {
  json j = {{"name", quote_ident(k.name)}, {"type", constraint_type_name(k.type)}};
  if (k.type != 'c') put_list(j, "columns", quoted_names(k.columns));
  if (k.type == 'f') {
    json references = {{"table", display_name(k.ref_table)}};
    put_list(references, "columns", quoted_names(referenced_columns(catalog, k)));
    j["references"] = std::move(references);
    put_text(j, "on_delete", fk_action_words(k.on_delete));
    put_text(j, "on_update", fk_action_words(k.on_update));
  }
  if (k.type == 'c' || k.type == 'x') put_text(j, "expression", k.expression);
  put_flag(j, "not_valid", !k.validated);
  put_flag(j, "deferrable", k.deferrable);
  put_flag(j, "initially_deferred", k.initially_deferred);
  return j;
}

json trigger_json(const Trigger& t) {
  json j = {{"name", quote_ident(t.name)}, {"timing", t.timing}, {"function", display_name(t.function)}};
  put_list(j, "events", sorted_strings(t.events));
  put_flag(j, "for_each_row", t.for_each_row);
  put_flag(j, "disabled", !t.enabled);
  return j;
}

json policy_json(const Policy& p) {
  std::vector<std::string> roles;
  for (const auto& r : p.roles) roles.push_back(quote_ident(r));
  json j = {{"name", quote_ident(p.name)}, {"command", p.command}};
  put_flag(j, "restrictive", !p.permissive);
  put_list(j, "roles", sorted_strings(std::move(roles)));
  put_expression(j, "using", p.using_expr);
  put_expression(j, "check", p.check_expr);
  return j;
}

json table_json(const Catalog& catalog, const Relation& r) {
  json j = {{"name", display_name(r.name)}, {"kind", relkind_name(r.kind)}};
  put_flag(j, "unlogged", r.unlogged);
  put_text(j, "partition_key", r.partition_key);
  if (r.partition_of) j["partition_of"] = display_name(*r.partition_of);
  put_text(j, "partition_bound", r.partition_bound);
  json inherits = json::array();
  for (const auto& parent : r.inherits) inherits.push_back(display_name(parent));
  put_list(j, "inherits", std::move(inherits));
  put_flag(j, "rls_enabled", r.rls_enabled);
  put_flag(j, "rls_forced", r.rls_forced);
  json columns = json::array();
  for (const auto& c : r.columns) columns.push_back(column_json(c));
  put_list(j, "columns", std::move(columns));
  std::vector<json> constraints, triggers, policies;
  for (const auto& k : r.constraints) constraints.push_back(constraint_json(catalog, k));
  for (const auto& t : r.triggers) triggers.push_back(trigger_json(t));
  for (const auto& p : r.policies) policies.push_back(policy_json(p));
  put_list(j, "constraints", sorted_by_name(std::move(constraints)));
  put_list(j, "triggers", sorted_by_name(std::move(triggers)));
  put_list(j, "policies", sorted_by_name(std::move(policies)));
  return j;
}

json index_json(const Relation& r) {
  const IndexInfo& x = r.index;
  json j = {{"name", display_name(r.name)}, {"table", display_name(x.table)}, {"method", x.method}};
  put_flag(j, "unique", x.unique);
  put_flag(j, "primary", x.primary);
  put_list(j, "keys", x.keys);
  put_list(j, "include", quoted_names(x.include));
  put_expression(j, "predicate", x.predicate);
  if (!x.constraint.empty()) j["constraint"] = quote_ident(x.constraint);
  return j;
}

json sequence_json(const Relation& r) {
  json j = {{"name", display_name(r.name)}, {"type", r.sequence.type}};
  if (const auto& owner = r.sequence.owned_by)
    j["owned_by"] = display_name(owner->first) + "." + quote_ident(owner->second);
  return j;
}

json view_json(const Relation& r) {
  json j = {{"name", display_name(r.name)}};
  bool materialized = r.kind == RelKind::MaterializedView;
  put_flag(j, "materialized", materialized);
  put_text(j, "query", r.query);
  put_flag(j, "not_populated", materialized && !r.populated);
  return j;
}

std::string_view type_kind_name(TypeKind k) {
  switch (k) {
    case TypeKind::Enum: return "enum";
    case TypeKind::Domain: return "domain";
    case TypeKind::Composite: return "composite";
    case TypeKind::Range: return "range";
    case TypeKind::Base: return "base";
  }
  return "base";
}

json type_json(const Catalog& catalog, const TypeDef& t) {
  json j = {{"name", display_name(t.name)}, {"kind", type_kind_name(t.kind)}};
  put_list(j, "labels", t.labels);
  put_text(j, "base_type", t.base_type);
  put_flag(j, "not_null", t.not_null);
  put_expression(j, "default", t.default_expr);
  std::vector<json> constraints;
  for (const auto& k : t.constraints) constraints.push_back(constraint_json(catalog, k));
  put_list(j, "constraints", sorted_by_name(std::move(constraints)));
  json attributes = json::array();
  for (const auto& a : t.attributes) attributes.push_back(column_json(a));
  put_list(j, "attributes", std::move(attributes));
  return j;
}

}  // namespace

std::string_view fk_action_words(std::string_view code) {
  if (code == "r") return "restrict";
  if (code == "c") return "cascade";
  if (code == "n") return "set null";
  if (code == "d") return "set default";
  return "";
}

json schema_to_json(const Catalog& catalog) {
  std::vector<json> schemas, extensions, tables, indexes, sequences, views, functions, types, comments;
  for (const auto& [name, schema] : catalog.schemas) schemas.push_back({{"name", quote_ident(name)}});
  for (const auto& [name, e] : catalog.extensions) {
    json j = {{"name", quote_ident(name)}};
    if (!e.schema.empty()) j["schema"] = quote_ident(e.schema);
    extensions.push_back(std::move(j));
  }
  for (const auto& [name, r] : catalog.relations) {
    switch (r.kind) {
      case RelKind::Table:
      case RelKind::PartitionedTable:
      case RelKind::ForeignTable: tables.push_back(table_json(catalog, r)); break;
      case RelKind::Index:
      case RelKind::PartitionedIndex: indexes.push_back(index_json(r)); break;
      case RelKind::Sequence:
        if (!r.sequence.identity) sequences.push_back(sequence_json(r));
        break;
      case RelKind::View:
      case RelKind::MaterializedView: views.push_back(view_json(r)); break;
    }
  }
  for (const auto& [key, f] : catalog.functions) {
    json j = {{"name", display_name(f.name) + "(" + f.arguments + ")"},
              {"kind", f.procedure ? "procedure" : "function"}};
    put_text(j, "returns", f.returns);
    put_text(j, "language", f.language);
    functions.push_back(std::move(j));
  }
  for (const auto& [name, t] : catalog.types) types.push_back(type_json(catalog, t));
  for (const auto& [key, text] : catalog.comments) comments.push_back({{"name", key}, {"text", text}});

  json doc = json::object();
  put_list(doc, "schemas", sorted_by_name(std::move(schemas)));
  put_list(doc, "extensions", sorted_by_name(std::move(extensions)));
  put_list(doc, "tables", sorted_by_name(std::move(tables)));
  put_list(doc, "indexes", sorted_by_name(std::move(indexes)));
  put_list(doc, "sequences", sorted_by_name(std::move(sequences)));
  put_list(doc, "views", sorted_by_name(std::move(views)));
  put_list(doc, "functions", sorted_by_name(std::move(functions)));
  put_list(doc, "types", sorted_by_name(std::move(types)));
  put_list(doc, "comments", sorted_by_name(std::move(comments)));
  return doc;
}

std::string schema_json_text(const Catalog& catalog) { return schema_to_json(catalog).dump(2) + "\n"; }

}  // namespace migc
