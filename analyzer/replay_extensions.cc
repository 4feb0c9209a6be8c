// CREATE EXTENSION, ALTER EXTENSION … UPDATE, DROP EXTENSION, SET SCHEMA. (ADD/DROP of
// members: replay_privileges.cc.)
#include "analyzer/object_identity.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

// SCHEMA and VERSION of CREATE / ALTER EXTENSION, into `e` where given.
void read_extension_options(PgQuery__Node* const* options, size_t n, Extension& e) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = options[i]->def_elem;
    std::string_view option = def->defname;
    if (option == "schema") e.schema = def_text(def);
    if (option == "new_version") e.version = def_text(def);
  }
}

}  // namespace

void replay_create_extension(const PgQuery__CreateExtensionStmt* stmt, ReplayContext& ctx) {
  Extension e;
  e.name = stmt->extname;
  read_extension_options(stmt->options, stmt->n_options, e);
  if (!e.schema.empty()) ctx.reference(schema_ref(e.schema), Access::Read);
  bool exists = ctx.catalog.extensions.count(e.name) > 0;
  ctx.reference(extension_ref(e.name), stmt->if_not_exists && exists ? Access::Read : Access::Create);
  if (!ctx.execute || exists) return;
  e.provenance.created_by = ctx.migration;
  ctx.catalog.extensions[e.name] = std::move(e);
}

void replay_alter_extension(const PgQuery__AlterExtensionStmt* stmt, ReplayContext& ctx) {
  ctx.reference(extension_ref(stmt->extname), Access::Alter);
  if (!ctx.execute) return;
  auto it = ctx.catalog.extensions.find(stmt->extname);
  if (it == ctx.catalog.extensions.end()) return;
  read_extension_options(stmt->options, stmt->n_options, it->second);
  it->second.provenance.touch(ctx.migration);
}

void drop_extension(const DropTarget& target, ReplayContext& ctx) {
  std::vector<std::string> names = object_names(target.object);
  if (names.empty()) return;
  ctx.reference(extension_ref(names[0]), Access::Drop);
  if (!ctx.execute) return;
  ctx.catalog.extensions.erase(names[0]);
  ctx.catalog.comments.erase(extension_key(names[0]));
}

void move_extension(const PgQuery__Node* extension, const std::string& new_schema, ReplayContext& ctx) {
  std::vector<std::string> names = object_names(extension);
  if (names.empty()) return;
  ctx.reference(extension_ref(names[0]), Access::Alter);
  ctx.reference(schema_ref(new_schema), Access::Read);
  if (!ctx.execute) return;
  auto it = ctx.catalog.extensions.find(names[0]);
  if (it == ctx.catalog.extensions.end()) return;
  it->second.schema = new_schema;
  it->second.provenance.touch(ctx.migration);
}

}  // namespace migc
