// autovacuum-disabled: autovacuum_enabled = false (or toast.autovacuum_enabled) in CREATE TABLE …
// WITH (…) or ALTER TABLE … SET (…): dead rows pile up, and the table still gets the aggressive
// anti-wraparound vacuum at the worst moment.
#include "analyzer/rules/altered_table.h"
#include "analyzer/session_settings.h"

namespace migc::rules {

namespace {

// Whether a reloption list turns autovacuum off, for the table or its TOAST table.
bool disables_autovacuum(PgQuery__Node* const* options, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* d = options[i]->def_elem;
    if (std::string_view(d->defname) != "autovacuum_enabled" || !d->arg) continue;
    if (d->arg->node_case == PG_QUERY__NODE__NODE_STRING && boolean_text(d->arg->string->sval) == false) return true;
    // A bare word (off, no) arrives as a type name.
    if (d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && d->arg->type_name->n_names == 1 &&
        d->arg->type_name->names[0]->node_case == PG_QUERY__NODE__NODE_STRING &&
        boolean_text(d->arg->type_name->names[0]->string->sval) == false)
      return true;
    if (d->arg->node_case == PG_QUERY__NODE__NODE_INTEGER && d->arg->integer->ival == 0) return true;
  }
  return false;
}

constexpr std::string_view kHelp =
    "keep autovacuum on and tune it for the table instead (autovacuum_vacuum_scale_factor, "
    "autovacuum_vacuum_cost_limit)";

void check(RuleContext& ctx) {
  if (ctx.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt& stmt = *ctx.node->create_stmt;
    if (disables_autovacuum(stmt.options, stmt.n_options))
      ctx.report("CREATE TABLE " + display_name(range_var_name(stmt.relation, ctx.model->default_schema())) +
                     " turns autovacuum off: dead rows pile up until an anti-wraparound vacuum is forced",
                 std::string(kHelp), stmt.relation->location);
    return;
  }
  auto t = altered_table(ctx);
  if (!t) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions))
    if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_LIST &&
        disables_autovacuum(cmd->def->list->items, cmd->def->list->n_items))
      ctx.report("SET (autovacuum_enabled = false) on " + display_name(t->name) +
                     " turns autovacuum off: dead rows pile up until an anti-wraparound vacuum is forced",
                 std::string(kHelp));
}

}  // namespace

Rule autovacuum_disabled() {
  return {.id = "autovacuum-disabled",
          .severity = LintSeverity::Warning,
          .summary = "autovacuum turned off for a table",
          .check = check};
}

}  // namespace migc::rules
