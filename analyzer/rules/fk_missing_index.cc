// fk-missing-index: a foreign key whose columns no index leads with: deleting or updating a
// referenced row scans the referencing table, and so does every cascade.
#include <algorithm>

#include "analyzer/relation_edits.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/stored_expressions.h"

namespace migc::rules {

namespace {

// Whether an index of `table` (built before, or by a PRIMARY KEY / UNIQUE of the same statement)
// has `columns`, in any order, as its leading keys.
bool covered(RuleContext& ctx, const QualifiedName& table, const std::vector<std::string>& columns,
             const std::vector<std::vector<std::string>>& same_statement) {
  auto leads = [&](const std::vector<std::string>& keys) {
    if (keys.size() < columns.size()) return false;
    std::vector<std::string> lead(keys.begin(), keys.begin() + static_cast<long>(columns.size()));
    return std::is_permutation(lead.begin(), lead.end(), columns.begin());
  };
  for (const auto& keys : same_statement)
    if (leads(keys)) return true;
  for (Relation* index : indexes_of(ctx.model->catalog, table)) {
    if (index->index.predicate) continue;
    ParsedIndexKeys parsed(index->index.keys);
    std::vector<std::string> keys;
    for (const PgQuery__IndexElem* e : parsed.elems()) keys.push_back(e->name ? e->name : "");
    if (leads(keys)) return true;
  }
  return false;
}

void check_keys(RuleContext& ctx, const QualifiedName& table, const std::vector<const PgQuery__Constraint*>& fks,
                const std::vector<std::string>& column_of_fk, const std::vector<std::vector<std::string>>& same_statement) {
  for (size_t i = 0; i < fks.size(); ++i) {
    std::vector<std::string> columns = string_list(fks[i]->fk_attrs, fks[i]->n_fk_attrs);
    if (columns.empty() && !column_of_fk[i].empty()) columns.push_back(column_of_fk[i]);
    if (columns.empty() || covered(ctx, table, columns, same_statement)) continue;
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + quote_ident(c);
    ctx.report("no index of " + display_name(table) + " leads with the foreign key's (" + list +
                   "): each delete or key update of a referenced row scans the table",
               "CREATE INDEX CONCURRENTLY ON " + display_name(table) + " (" + list + ")", fks[i]->location);
  }
}

void check(RuleContext& ctx) {
  std::vector<const PgQuery__Constraint*> fks;
  std::vector<std::string> column_of_fk;  // the column a column-level REFERENCES is written on
  std::vector<std::vector<std::string>> same_statement;  // keys of PRIMARY KEY / UNIQUE written with them
  auto take = [&](const PgQuery__Constraint* c, const std::string& column) {
    if (!c) return;
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
      fks.push_back(c);
      column_of_fk.push_back(column);
    } else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) {
      std::vector<std::string> keys = string_list(c->keys, c->n_keys);
      same_statement.push_back(keys.empty() ? std::vector<std::string>{column} : keys);
    }
  };
  auto take_column = [&](const PgQuery__ColumnDef* def) {
    for (size_t k = 0; k < def->n_constraints; ++k) take(constraint_node(def->constraints[k]), def->colname);
  };
  if (ctx.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt* create = ctx.node->create_stmt;
    for (size_t i = 0; i < create->n_table_elts; ++i) {
      const PgQuery__Node* e = create->table_elts[i];
      if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) take_column(e->column_def);
      else take(constraint_node(e), "");
    }
    check_keys(ctx, ctx.model->resolve_relation(create->relation), fks, column_of_fk, same_statement);
    return;
  }
  auto t = altered_table(ctx);
  if (!t) return;
  for (const PgQuery__ColumnDef* def : t->added_columns()) take_column(def);
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)) take(c, "");
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)) take(c, "");
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) take(c, "");
  check_keys(ctx, t->name, fks, column_of_fk, same_statement);
}

}  // namespace

Rule fk_missing_index() {
  return {.id = "fk-missing-index",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "a foreign key with no index on its columns",
          .check = check};
}

}  // namespace migc::rules
