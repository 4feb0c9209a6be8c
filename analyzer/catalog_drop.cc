#include "analyzer/catalog_drop.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "analyzer/catalog_rename.h"
#include "analyzer/object_identity.h"

namespace migc {

namespace {

struct TypeUsers {
  std::vector<std::pair<QualifiedName, std::string>> columns;     // relation, column
  std::vector<std::pair<QualifiedName, std::string>> attributes;  // composite type, attribute
  std::vector<QualifiedName> types;                               // domains and ranges over it
  std::vector<FunctionKey> functions;
  size_t size() const { return columns.size() + attributes.size() + types.size() + functions.size(); }
};

TypeUsers find_type_users(const Catalog& catalog, const NameMatch& names) {
  TypeUsers users;
  for (const auto& [q, r] : catalog.relations)
    for (const auto& c : r.columns)
      if (names(c.type)) users.columns.emplace_back(q, c.name);
  for (const auto& [q, t] : catalog.types) {
    for (const auto& a : t.attributes)
      if (names(a.type)) users.attributes.emplace_back(q, a.name);
    if ((t.kind == TypeKind::Domain || t.kind == TypeKind::Range) && names(t.base_type)) users.types.push_back(q);
  }
  for (const auto& [key, f] : catalog.functions)
    if (names(f.input_types) || names(f.returns)) users.functions.push_back(key);
  return users;
}

template <class Items>
void erase_named(Items& items, const std::string& name) {
  std::erase_if(items, [&](const auto& x) { return x.name == name; });
}

}  // namespace

size_t count_type_users(const Catalog& catalog, const NameMatch& names) {
  return find_type_users(catalog, names).size();
}

void drop_type_users(const NameMatch& names, ReplayContext& ctx) {
  Catalog& catalog = ctx.catalog;
  TypeUsers users = find_type_users(catalog, names);
  for (const auto& [q, column] : users.columns) {
    Relation& r = catalog.relations.at(q);
    ctx.reference(column_ref(q, column), Access::Drop);
    catalog.comments.erase(column_key(relation_identity_type(r.kind), q, column));
    erase_named(r.columns, column);
    r.provenance.touch(ctx.migration);
  }
  for (const auto& [q, attribute] : users.attributes) {
    TypeDef& t = catalog.types.at(q);
    ctx.reference(type_ref(q), Access::Alter);
    catalog.comments.erase(column_key("composite type", q, attribute));
    erase_named(t.attributes, attribute);
    t.provenance.touch(ctx.migration);
  }
  for (const auto& q : users.types) {
    ctx.reference(type_ref(q), Access::Drop);
    catalog.comments.erase(type_key(q));
    catalog.types.erase(q);
  }
  for (const auto& key : users.functions) {
    const Function& f = catalog.functions.at(key);
    ctx.reference(function_ref(f.name), Access::Drop);
    catalog.comments.erase(function_key(f));
    bool trigger_function = f.input_types.empty();
    catalog.functions.erase(key);
    if (trigger_function) drop_triggers_calling(key.first, ctx);
  }
}

void drop_triggers_calling(const QualifiedName& function, ReplayContext& ctx) {
  for (auto& [q, r] : ctx.catalog.relations)
    std::erase_if(r.triggers, [&](const Trigger& t) {
      if (t.function != function) return false;
      ctx.reference(trigger_ref(q, t.name), Access::Drop);
      ctx.catalog.comments.erase(member_key("trigger", t.name, q));
      return true;
    });
}

void drop_comments(Catalog& catalog, const NameMatch& names) {
  std::erase_if(catalog.comments, [&](const auto& entry) { return names(entry.first); });
}

}  // namespace migc
