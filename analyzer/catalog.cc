#include "analyzer/catalog.h"

#include <algorithm>
#include <set>

namespace migc {

void Provenance::touch(uint32_t migration) {
  if (migration == created_by) return;
  if (std::find(changed_by.begin(), changed_by.end(), migration) == changed_by.end()) changed_by.push_back(migration);
}

std::string_view relkind_name(RelKind k) {
  switch (k) {
    case RelKind::Table: return "table";
    case RelKind::PartitionedTable: return "partitioned table";
    case RelKind::View: return "view";
    case RelKind::MaterializedView: return "materialized view";
    case RelKind::Sequence: return "sequence";
    case RelKind::Index: return "index";
    case RelKind::PartitionedIndex: return "partitioned index";
    case RelKind::ForeignTable: return "foreign table";
  }
  return "relation";
}

template <class Items>
static auto* find_named(Items& items, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

const Column* Relation::column(std::string_view n) const { return find_named(columns, n); }
Column* Relation::column(std::string_view n) { return find_named(columns, n); }
const Constraint* Relation::constraint(std::string_view n) const { return find_named(constraints, n); }
Constraint* Relation::constraint(std::string_view n) { return find_named(constraints, n); }

Catalog::Catalog() { schemas.emplace("public", Schema{"public", {}}); }

const Relation* Catalog::relation(const QualifiedName& q) const {
  auto it = relations.find(q);
  return it == relations.end() ? nullptr : &it->second;
}
Relation* Catalog::relation(const QualifiedName& q) {
  auto it = relations.find(q);
  return it == relations.end() ? nullptr : &it->second;
}
const TypeDef* Catalog::type(const QualifiedName& q) const {
  auto it = types.find(q);
  return it == types.end() ? nullptr : &it->second;
}
TypeDef* Catalog::type(const QualifiedName& q) {
  auto it = types.find(q);
  return it == types.end() ? nullptr : &it->second;
}

bool Catalog::is_domain(std::string_view type) const {
  return std::any_of(types.begin(), types.end(), [&](const auto& entry) {
    return entry.second.kind == TypeKind::Domain && display_name(entry.first) == type;
  });
}

std::vector<const Function*> Catalog::functions_named(const QualifiedName& q) const {
  std::vector<const Function*> out;
  for (auto it = functions.lower_bound({q, ""}); it != functions.end() && it->first.first == q; ++it)
    out.push_back(&it->second);
  return out;
}

template <class Has>
static std::optional<QualifiedName> search(std::string_view name, const SearchPath& path, Has has) {
  for (const auto& schema : path.schemas()) {
    QualifiedName q{schema, std::string(name)};
    if (has(q)) return q;
  }
  return std::nullopt;
}

std::optional<QualifiedName> Catalog::find_relation(std::string_view name, const SearchPath& path) const {
  // The session's temporary schema comes before the search_path for relations.
  if (QualifiedName temp{std::string(kTemporarySchema), std::string(name)}; relations.count(temp)) return temp;
  return search(name, path, [&](const QualifiedName& q) { return relations.count(q) > 0; });
}

void Catalog::drop_temporary_relations() {
  std::erase_if(relations, [](const auto& entry) { return entry.first.schema == kTemporarySchema; });
}
std::optional<QualifiedName> Catalog::find_type(std::string_view name, const SearchPath& path) const {
  return search(name, path, [&](const QualifiedName& q) { return types.count(q) > 0; });
}
std::optional<QualifiedName> Catalog::find_function(std::string_view name, const SearchPath& path) const {
  return search(name, path, [&](const QualifiedName& q) { return !functions_named(q).empty(); });
}

// ChooseRelationName / ChooseConstraintName: try label, then label1, label2, … until free.
template <class Taken>
static std::string choose_name(std::string_view name1, std::string_view name2, std::string_view label,
                               const std::vector<std::string>& chosen, Taken taken) {
  std::string candidate = make_object_name(name1, name2, label);
  for (int pass = 1; taken(candidate) || std::count(chosen.begin(), chosen.end(), candidate); ++pass)
    candidate = make_object_name(name1, name2, std::string(label) + std::to_string(pass));
  return candidate;
}

bool Catalog::constraint_named(const std::string& schema, std::string_view name) const {
  auto named = [&](const std::vector<Constraint>& constraints) {
    return std::any_of(constraints.begin(), constraints.end(), [&](const Constraint& c) { return c.name == name; });
  };
  for (auto it = relations.lower_bound({schema, ""}); it != relations.end() && it->first.schema == schema; ++it)
    if (named(it->second.constraints)) return true;
  for (auto it = types.lower_bound({schema, ""}); it != types.end() && it->first.schema == schema; ++it)
    if (named(it->second.constraints)) return true;
  return false;
}

std::string Catalog::choose_relation_name(const std::string& schema, std::string_view name1, std::string_view name2,
                                          std::string_view label, const std::vector<std::string>& taken,
                                          bool backs_constraint) const {
  return choose_name(name1, name2, label, taken, [&](const std::string& n) {
    return relations.count({schema, n}) > 0 || (backs_constraint && constraint_named(schema, n));
  });
}

std::string Catalog::choose_constraint_name(const std::string& schema, std::string_view name1,
                                            std::string_view name2, std::string_view label,
                                            const std::vector<std::string>& taken) const {
  return choose_name(name1, name2, label, taken, [&](const std::string& n) { return constraint_named(schema, n); });
}

}  // namespace migc
