#include "analyzer/catalog_rename.h"

#include <functional>

#include "analyzer/object_identity.h"
#include "analyzer/qualified_text.h"

namespace migc {

namespace {

using TextEdit = std::function<std::string(std::string_view)>;
using NameEdit = std::function<QualifiedName(const QualifiedName&)>;

// A map whose keys are rewritten by `edit` (entries keep their values).
template <class Map, class Edit>
void rekey(Map& map, Edit edit) {
  Map out;
  for (auto& [key, value] : map) out.emplace(edit(key), std::move(value));
  map = std::move(out);
}

// Every name and type text the catalog stores, passed through `name` and `text`.
void rewrite_catalog(Catalog& c, const NameEdit& name, const TextEdit& text) {
  rekey(c.relations, name);
  for (auto& [q, r] : c.relations) {
    r.name = q;
    for (auto& column : r.columns) column.type = text(column.type);
    for (auto& k : r.constraints)
      if (!k.ref_table.name.empty()) k.ref_table = name(k.ref_table);
    for (auto& t : r.triggers) t.function = name(t.function);
    if (!r.index.table.name.empty()) r.index.table = name(r.index.table);
    if (r.sequence.owned_by) r.sequence.owned_by->first = name(r.sequence.owned_by->first);
    if (r.partition_of) r.partition_of = name(*r.partition_of);
    for (auto& parent : r.inherits) parent = name(parent);
  }
  rekey(c.types, name);
  for (auto& [q, t] : c.types) {
    t.name = q;
    t.base_type = text(t.base_type);
    for (auto& a : t.attributes) a.type = text(a.type);
  }
  rekey(c.functions, [&](const FunctionKey& key) { return FunctionKey{name(key.first), text(key.second)}; });
  for (auto& [key, f] : c.functions) {
    f.name = key.first;
    f.arguments = key.second;
    f.input_types = text(f.input_types);
    f.returns = text(f.returns);
  }
  rekey(c.comments, [&](const CommentKey& key) { return text(key); });
}

}  // namespace

void rename_schema_everywhere(Catalog& catalog, const std::string& from, const std::string& to) {
  if (auto node = catalog.schemas.extract(from)) {
    node.key() = to;
    node.mapped().name = to;
    catalog.schemas.insert(std::move(node));
  }
  for (auto& [name, e] : catalog.extensions)
    if (e.schema == from) e.schema = to;
  if (auto comment = catalog.comments.extract(schema_key(from))) {
    comment.key() = schema_key(to);
    catalog.comments.insert(std::move(comment));
  }
  rewrite_catalog(
      catalog, [&](const QualifiedName& q) { return q.schema == from ? QualifiedName{to, q.name} : q; },
      [&](std::string_view text) { return rename_schema_in(text, from, to); });
}

void rename_type_everywhere(Catalog& catalog, const QualifiedName& from, const QualifiedName& to) {
  // Only types are renamed; relations of the same name cannot exist beside a type.
  if (auto node = catalog.types.extract(from)) {
    node.key() = to;
    node.mapped().name = to;
    catalog.types.insert(std::move(node));
  }
  rewrite_catalog(
      catalog, [](const QualifiedName& q) { return q; },
      [&](std::string_view text) { return rename_object_in(text, from, to); });
}

void rename_function_everywhere(Catalog& catalog, const FunctionKey& key, const QualifiedName& to) {
  auto node = catalog.functions.extract(key);
  if (!node) return;
  Function& f = node.mapped();
  if (auto comment = catalog.comments.extract(function_key(f))) {
    comment.key() = function_key(f.procedure, to, f.input_types);
    catalog.comments.insert(std::move(comment));
  }
  // Trigger functions take no arguments, so only such a function can be a trigger's.
  if (f.input_types.empty())
    for (auto& [q, r] : catalog.relations)
      for (auto& t : r.triggers)
        if (t.function == key.first) t.function = to;
  f.name = to;
  node.key() = {to, key.second};
  catalog.functions.insert(std::move(node));
}

}  // namespace migc
