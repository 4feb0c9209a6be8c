#include "analyzer/replay.h"

#include <algorithm>

#include "analyzer/type_names.h"

namespace migc {

// An unqualified relation the model does not have: pg_catalog comes first in every search
// path, so system catalogs and views (pg_class, pg_tables, …) are found there.
static QualifiedName unknown_relation(const std::string& name, const std::string& default_schema) {
  return {name.starts_with("pg_") ? "pg_catalog" : default_schema, name};
}

QualifiedName ReplayContext::resolve_relation(const PgQuery__RangeVar* rv) const {
  if (rv->schemaname && *rv->schemaname) return {rv->schemaname, rv->relname};
  return catalog.find_relation(rv->relname, session.search_path).value_or(unknown_relation(rv->relname, default_schema()));
}

QualifiedName ReplayContext::resolve_relation(const std::vector<std::string>& parts) const {
  if (parts.size() != 1) return list_name(parts, default_schema());
  return catalog.find_relation(parts[0], session.search_path).value_or(unknown_relation(parts[0], default_schema()));
}

QualifiedName ReplayContext::resolve_type(const std::vector<std::string>& parts) const {
  if (parts.size() != 1) return list_name(parts, default_schema());
  return catalog.find_type(parts[0], session.search_path).value_or(QualifiedName{default_schema(), parts[0]});
}

QualifiedName ReplayContext::resolve_function(const std::vector<std::string>& parts) const {
  if (parts.size() != 1) return list_name(parts, default_schema());
  return catalog.find_function(parts[0], session.search_path).value_or(QualifiedName{default_schema(), parts[0]});
}

std::string ReplayContext::type_text(const PgQuery__TypeName* type) {
  auto lookup = [&](const std::string& name) -> std::optional<std::string> {
    auto found = catalog.find_type(name, session.search_path);
    if (found) return found->schema;
    return std::nullopt;
  };
  TypeNameInfo info = format_type_name(type, lookup, default_schema());
  if (info.user_type) reference(type_ref(*info.user_type), Access::Read);
  return info.formatted;
}

RelationAge ReplayContext::age_of(const Provenance& p) const {
  if (p.created_by == kExternal) return RelationAge::Live;
  if (applied && p.created_by < applied->size() && (*applied)[p.created_by]) return RelationAge::Live;
  return p.created_by == migration ? RelationAge::SameMigration : RelationAge::Build;
}

// The observer sees a statement's own hazards. Nested statements (a DO block's) add to the
// outer statement's one analysis, so each of them is also assessed on its own for the observer.
static void assess_and_observe(const PgQuery__Node* stmt, ReplayContext& ctx) {
  if (ctx.observer && ctx.nesting > 0) {
    StatementAnalysis own;
    ReplayContext own_ctx{ctx.catalog, ctx.session, own, ctx.migration, ctx.pg_version_num, true, ctx.applied,
                          nullptr, ctx.statement, ctx.nesting, ctx.body_line};
    assess_hazards(stmt, own_ctx);
    ctx.observer->before_change(stmt, own_ctx);
  }
  assess_hazards(stmt, ctx);
  if (ctx.observer && ctx.nesting == 0) ctx.observer->before_change(stmt, ctx);
}

void replay_statement(const PgQuery__Node* stmt, ReplayContext& ctx) {
  bool observed = ctx.execute && ctx.observer && ctx.observer->observes(ctx.migration);
  if (ctx.execute && (!ctx.observer || observed)) assess_and_observe(stmt, ctx);
  ++ctx.nesting;
  if (!replay_relation_statement(stmt, ctx) && !replay_object_statement(stmt, ctx) &&
      !replay_data_statement(stmt, ctx))
    ctx.out.modelled = false;
  --ctx.nesting;
  auto& refs = ctx.out.references;
  // A relation that appears under a name (created, renamed, moved) brings its columns with it.
  for (size_t i = 0, n = refs.size(); i < n; ++i) {
    if (refs[i].access != Access::Create || refs[i].object.kind != ObjectKind::Relation) continue;
    if (const Relation* r = ctx.catalog.relation(refs[i].object.name))
      for (const Column& c : r->columns) refs.push_back({column_ref(r->name, c.name), Access::Create, refs[i].deferred});
  }
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  if (observed && ctx.nesting == 0) ctx.observer->after_change(stmt, ctx);
}

}  // namespace migc
