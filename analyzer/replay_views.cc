// CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW, REFRESH MATERIALIZED VIEW. (DROP, RENAME
// and ALTER of views are the relations module's: views are relations.)
#include "analyzer/deparse.h"
#include "analyzer/output_columns.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

// WITH (…) as reloptions store them: name=value, a bare name meaning true.
void read_options(PgQuery__Node* const* options, size_t n, std::map<std::string, std::string>& out) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = options[i]->def_elem;
    out[def->defname] = def->arg ? def_text(def) : "true";
  }
}

// Creates or replaces the view-like relation `q` from its query; returns it, or nullptr when
// nothing may change.
Relation* define_view(const QualifiedName& q, RelKind kind, const PgQuery__Node* query,
                      const std::vector<std::string>& aliases, bool replace, ReplayContext& ctx) {
  Relation* existing = ctx.catalog.relation(q);
  collect_reads(query, ctx);
  ctx.reference(relation_ref(q), existing && replace ? Access::Alter : Access::Create);
  // An existing relation stays as it is unless this replaces a view of the same kind.
  if (!ctx.execute || (existing && (!replace || existing->kind != kind))) return nullptr;
  Relation& r = ctx.catalog.relations[q];
  if (existing) {
    r.provenance.touch(ctx.migration);
  } else {
    r.name = q;
    r.provenance.created_by = ctx.migration;
  }
  r.kind = kind;
  r.query = deparse_statement(query);
  std::vector<Column> columns;
  for (const auto& name : with_aliases(output_column_names(query, ctx), aliases)) {
    const Column* old = r.column(name);
    Column& c = columns.emplace_back(old ? *old : Column{});
    c.name = name;
    if (!old) c.provenance.created_by = ctx.migration;
  }
  r.columns = std::move(columns);
  r.options.clear();
  return &r;
}

}  // namespace

void replay_view(const PgQuery__ViewStmt* stmt, ReplayContext& ctx) {
  QualifiedName q = range_var_name(stmt->view, ctx.default_schema());
  Relation* r = define_view(q, RelKind::View, stmt->query, string_list(stmt->aliases, stmt->n_aliases),
                            stmt->replace, ctx);
  if (!r) return;
  read_options(stmt->options, stmt->n_options, r->options);
  // WITH CHECK OPTION is stored as the check_option reloption.
  if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION) r->options["check_option"] = "local";
  if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION)
    r->options["check_option"] = "cascaded";
}

void replay_materialized_view(const PgQuery__CreateTableAsStmt* stmt, ReplayContext& ctx) {
  const PgQuery__IntoClause* into = stmt->into;
  QualifiedName q = range_var_name(into->rel, ctx.default_schema());
  if (stmt->if_not_exists && ctx.catalog.relation(q)) {
    ctx.reference(relation_ref(q), Access::Read);
    return;
  }
  Relation* r = define_view(q, RelKind::MaterializedView, stmt->query,
                            string_list(into->col_names, into->n_col_names), false, ctx);
  if (!r) return;
  read_options(into->options, into->n_options, r->options);
  r->populated = !into->skip_data;
}

void replay_refresh(const PgQuery__RefreshMatViewStmt* stmt, ReplayContext& ctx) {
  QualifiedName q = ctx.resolve_relation(stmt->relation);
  ctx.reference(relation_ref(q), Access::Write);
  if (!ctx.execute) return;
  if (Relation* r = ctx.catalog.relation(q)) {
    r->populated = !stmt->skip_data;
    r->provenance.touch(ctx.migration);
  }
}

}  // namespace migc
