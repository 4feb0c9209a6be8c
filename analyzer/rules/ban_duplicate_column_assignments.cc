// ban-duplicate-column-assignments: a column assigned twice in one UPDATE, INSERT or MERGE, or
// defined twice in one CREATE TABLE. PostgreSQL refuses each when it runs.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// The names of `targets` (ResTargets), each with its location; subscripted and field targets
// (a[1], c.x) may repeat and are left out.
std::vector<std::pair<std::string, int32_t>> target_names(PgQuery__Node* const* targets, size_t n) {
  std::vector<std::pair<std::string, int32_t>> out;
  for (size_t i = 0; i < n; ++i)
    if (targets[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET && targets[i]->res_target->name &&
        targets[i]->res_target->n_indirection == 0)
      out.emplace_back(targets[i]->res_target->name, targets[i]->res_target->location);
  return out;
}

void report_repeats(RuleContext& ctx, const std::vector<std::pair<std::string, int32_t>>& names, std::string_view what) {
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (names[i].first == names[j].first) {
        ctx.report("column " + quote_ident(names[i].first) + " is " + std::string(what) +
                       " twice: PostgreSQL refuses the statement",
                   "keep one of them", names[i].second);
        break;
      }
}

void check(RuleContext& ctx) {
  const PgQuery__Node* n = ctx.node;
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      report_repeats(ctx, target_names(n->update_stmt->target_list, n->update_stmt->n_target_list), "assigned");
      break;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      report_repeats(ctx, target_names(n->insert_stmt->cols, n->insert_stmt->n_cols), "listed");
      break;
    case PG_QUERY__NODE__NODE_MERGE_STMT:
      for (size_t i = 0; i < n->merge_stmt->n_merge_when_clauses; ++i) {
        const PgQuery__Node* w = n->merge_stmt->merge_when_clauses[i];
        if (w->node_case != PG_QUERY__NODE__NODE_MERGE_WHEN_CLAUSE) continue;
        const PgQuery__MergeWhenClause* c = w->merge_when_clause;
        report_repeats(ctx, target_names(c->target_list, c->n_target_list),
                       c->command_type == PG_QUERY__CMD_TYPE__CMD_INSERT ? "listed" : "assigned");
      }
      break;
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      std::vector<std::pair<std::string, int32_t>> columns;
      for (size_t i = 0; i < n->create_stmt->n_table_elts; ++i)
        if (n->create_stmt->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
          columns.emplace_back(n->create_stmt->table_elts[i]->column_def->colname,
                               n->create_stmt->table_elts[i]->column_def->location);
      report_repeats(ctx, columns, "defined");
      break;
    }
    default: break;
  }
}

}  // namespace

Rule ban_duplicate_column_assignments() {
  return {.id = "ban-duplicate-column-assignments",
          .severity = LintSeverity::Warning,
          .opt_in = true,
          .summary = "a column assigned, listed or defined twice in one statement",
          .check = check};
}

}  // namespace migc::rules
