// changing-column-type: ALTER COLUMN … TYPE on a table that is not new, when the model finds that
// the conversion rewrites the table (not binary coercible, a narrowing length or precision, a
// USING expression, timestamp → timestamptz outside UTC, a domain with CHECKs): ACCESS EXCLUSIVE
// for as long as the table and every index are rewritten. An error for a primary key column, which
// foreign keys elsewhere are re-checked against too.
#include <algorithm>

#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

bool in_primary_key(const Relation* table, const std::string& column) {
  if (!table) return false;
  return std::any_of(table->constraints.begin(), table->constraints.end(), [&](const Constraint& c) {
    return c.type == 'p' && std::count(c.columns.begin(), c.columns.end(), column);
  });
}

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)) {
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    std::string column = column_text(t->name, cmd->name);
    if (!hazard_on(ctx, HazardKind::Rewrite, t->name, HazardCause::ColumnType, cmd->name)) continue;  // converts in place
    const PgQuery__TypeName* type = cmd->def->column_def->type_name;
    const Column* old = t->rel ? t->rel->column(cmd->name) : nullptr;
    std::string change = "changing " + column + (old ? " from " + old->type : "") + " to " + type_of(ctx, type).formatted;
    std::string message = change + " " + takes_lock(ctx, t->name) + " and rewrites the table and its indexes" +
                          (old ? "" : " unless the old type converts in place");
    std::string help = "expand and contract: add a column of the new type, write both, backfill in batches, move "
                       "readers over, then drop the old column";
    if (in_primary_key(t->rel, cmd->name))
      ctx.report(LintSeverity::Error, message + "; it is part of the primary key, so every foreign key to it is "
                                                "checked again",
                 std::move(help), type->location);
    else
      ctx.report(std::move(message), std::move(help), type->location);
  }
}

}  // namespace

Rule changing_column_type() {
  return {.id = "changing-column-type",
          .severity = LintSeverity::Warning,
          .summary = "a column type change that rewrites an existing table",
          .check = check};
}

}  // namespace migc::rules
