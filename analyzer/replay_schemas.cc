// CREATE SCHEMA (with its elements), DROP SCHEMA, ALTER SCHEMA … RENAME.
#include "analyzer/catalog_drop.h"
#include "analyzer/object_identity.h"
#include "analyzer/qualified_text.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

// Relations, types and functions that live in `schema`.
size_t schema_contents(const Catalog& c, const std::string& schema) {
  size_t n = 0;
  for (const auto& [q, r] : c.relations) n += q.schema == schema;
  for (const auto& [q, t] : c.types) n += q.schema == schema;
  for (const auto& [key, f] : c.functions) n += key.first.schema == schema;
  return n;
}

// Everything in `schema`, and whatever outside depends on it by name, goes.
void drop_schema_contents(const std::string& schema, ReplayContext& ctx) {
  Catalog& c = ctx.catalog;
  std::erase_if(c.relations, [&](const auto& entry) {
    if (entry.first.schema != schema) return false;
    ctx.reference(relation_ref(entry.first), Access::Drop);
    return true;
  });
  for (auto& [q, r] : c.relations)
    std::erase_if(r.constraints, [&](const Constraint& k) {
      if (k.ref_table.schema != schema) return false;
      ctx.reference(constraint_ref(q, k.name), Access::Drop);
      return true;
    });
  std::erase_if(c.types, [&](const auto& entry) {
    if (entry.first.schema != schema) return false;
    ctx.reference(type_ref(entry.first), Access::Drop);
    return true;
  });
  std::vector<QualifiedName> functions;
  std::erase_if(c.functions, [&](const auto& entry) {
    if (entry.first.first.schema != schema) return false;
    ctx.reference(function_ref(entry.first.first), Access::Drop);
    functions.push_back(entry.first.first);
    return true;
  });
  for (const auto& f : functions) drop_triggers_calling(f, ctx);
  NameMatch in_schema = [&](std::string_view text) { return names_schema(text, schema); };
  drop_type_users(in_schema, ctx);
  std::erase_if(c.extensions, [&](const auto& entry) {
    if (entry.second.schema != schema) return false;
    ctx.reference(extension_ref(entry.first), Access::Drop);
    return true;
  });
  drop_comments(c, in_schema);
}

}  // namespace

void replay_create_schema(const PgQuery__CreateSchemaStmt* stmt, ReplayContext& ctx) {
  std::string name = stmt->schemaname ? stmt->schemaname : "";
  if (name.empty() && stmt->authrole) {
    if (stmt->authrole->roletype != PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING) {
      ctx.note("CREATE SCHEMA AUTHORIZATION names the schema after a role only known when it runs: not modelled");
      ctx.out.modelled = false;
      return;
    }
    name = stmt->authrole->rolename;
  }
  bool exists = ctx.catalog.schemas.count(name) > 0;
  if (stmt->if_not_exists && exists) {
    ctx.reference(schema_ref(name), Access::Read);
    return;
  }
  ctx.reference(schema_ref(name), Access::Create);
  if (ctx.execute && !exists) ctx.catalog.schemas[name] = Schema{name, Provenance{ctx.migration, {}}};
  // The elements are created in the new schema, which leads the search_path meanwhile.
  if (stmt->n_schema_elts == 0) return;
  SearchPath outer = ctx.session.search_path;
  std::vector<std::string> path{name};
  path.insert(path.end(), outer.schemas().begin(), outer.schemas().end());
  ctx.session.search_path = SearchPath(path);
  for (size_t i = 0; i < stmt->n_schema_elts; ++i) replay_statement(stmt->schema_elts[i], ctx);
  ctx.session.search_path = outer;
}

void drop_schema(const DropTarget& target, ReplayContext& ctx) {
  std::vector<std::string> names = object_names(target.object);
  if (names.empty()) return;
  const std::string& name = names[0];
  ctx.reference(schema_ref(name), Access::Drop);
  if (!ctx.execute) return;
  size_t contents = schema_contents(ctx.catalog, name);
  if (contents > 0 && !target.cascade) {
    ctx.note("DROP SCHEMA " + quote_ident(name) + " without CASCADE fails: the schema still holds " +
             std::to_string(contents) + " object(s); the model keeps it");
    return;
  }
  drop_schema_contents(name, ctx);
  ctx.catalog.schemas.erase(name);
  ctx.catalog.comments.erase(schema_key(name));
}

void rename_schema(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  std::string from = stmt->subname, to = stmt->newname;
  ctx.reference(schema_ref(from), Access::Drop);
  ctx.reference(schema_ref(to), Access::Create);
  // Everything in the schema moves from one qualified name to another.
  auto moved = [&](ObjectRef (*make)(QualifiedName), const QualifiedName& q) {
    ctx.reference(make(q), Access::Drop);
    ctx.reference(make({to, q.name}), Access::Create);
  };
  Catalog& c = ctx.catalog;
  for (const auto& [q, r] : c.relations)
    if (q.schema == from) moved(relation_ref, q);
  for (const auto& [q, t] : c.types)
    if (q.schema == from) moved(type_ref, q);
  for (const auto& [key, f] : c.functions)
    if (key.first.schema == from) moved(function_ref, key.first);
  if (!ctx.execute) return;
  rename_schema_everywhere(c, from, to);
  if (auto it = c.schemas.find(to); it != c.schemas.end()) it->second.provenance.touch(ctx.migration);
  for (auto& [q, r] : c.relations)
    if (q.schema == to) r.provenance.touch(ctx.migration);
  for (auto& [q, t] : c.types)
    if (q.schema == to) t.provenance.touch(ctx.migration);
  for (auto& [key, f] : c.functions)
    if (key.first.schema == to) f.provenance.touch(ctx.migration);
}

}  // namespace migc
