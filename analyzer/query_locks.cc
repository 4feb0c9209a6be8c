#include "analyzer/query_locks.h"

#include <algorithm>
#include <set>

#include "analyzer/node_walk.h"

namespace migc {

namespace {

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return std::count(b.begin(), b.end(), x) > 0; });
}

// The key columns a foreign key points at: the ones named, else the parent's primary key.
std::vector<std::string> referenced_columns(const Relation* parent, const Constraint& fk) {
  if (!fk.ref_columns.empty() || !parent) return fk.ref_columns;
  for (const Constraint& c : parent->constraints)
    if (c.type == 'p') return c.columns;
  return {};
}

bool cascades(const std::string& action) { return action == "c" || action == "n" || action == "d"; }

std::vector<std::string> assigned_columns(const PgQuery__UpdateStmt* update) {
  std::vector<std::string> out;
  for (size_t i = 0; i < update->n_target_list; ++i)
    if (update->target_list[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET)
      out.emplace_back(update->target_list[i]->res_target->name);
  return out;
}

}  // namespace

void lock_row_write(const QualifiedName& table, RowWrite write, const std::vector<std::string>& set_columns,
                    HazardCollector& out) {
  out.lock(table, LockMode::RowExclusive);
  const Relation* target = out.catalog().relation(table);
  if (target && write != RowWrite::Delete)
    for (const Constraint& fk : target->constraints)
      if (fk.type == 'f' && (write != RowWrite::Update || intersects(fk.columns, set_columns)))
        out.lock(fk.ref_table, LockMode::RowShare);
  if (write == RowWrite::Insert) return;
  for (const auto& [child, fk] : referencing_keys(out.catalog(), table)) {
    if (write == RowWrite::Update && !intersects(referenced_columns(target, *fk), set_columns)) continue;
    const std::string& action = write == RowWrite::Update ? fk->on_update : fk->on_delete;
    bool changes_children = cascades(action) || (write == RowWrite::Merge && cascades(fk->on_update));
    out.lock(child->name, changes_children ? LockMode::RowExclusive : LockMode::RowShare);
  }
}

void lock_query(const PgQuery__Node* query, HazardCollector& out) {
  std::set<std::string> cte_names;
  walk_nodes(query, [&](const PgQuery__Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) cte_names.insert(n->common_table_expr->ctename);
    return true;
  });
  auto relation = [&](const PgQuery__RangeVar* rv) -> std::optional<QualifiedName> {
    bool qualified = rv->schemaname && *rv->schemaname;
    if (!qualified && cte_names.count(rv->relname)) return std::nullopt;
    return out.ctx().resolve_relation(rv);
  };
  auto write = [&](const PgQuery__RangeVar* rv, RowWrite kind, const std::vector<std::string>& columns) {
    if (auto q = relation(rv)) lock_row_write(*q, kind, columns, out);
  };
  walk_nodes(query, [&](const PgQuery__Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR:
        if (auto q = relation(n->range_var)) out.lock(*q, LockMode::AccessShare);
        break;
      case PG_QUERY__NODE__NODE_INSERT_STMT: write(n->insert_stmt->relation, RowWrite::Insert, {}); break;
      case PG_QUERY__NODE__NODE_UPDATE_STMT:
        write(n->update_stmt->relation, RowWrite::Update, assigned_columns(n->update_stmt));
        break;
      case PG_QUERY__NODE__NODE_DELETE_STMT: write(n->delete_stmt->relation, RowWrite::Delete, {}); break;
      case PG_QUERY__NODE__NODE_MERGE_STMT: write(n->merge_stmt->relation, RowWrite::Merge, {}); break;
      case PG_QUERY__NODE__NODE_SELECT_STMT: {
        // FOR UPDATE/SHARE locks the rows of the tables it names, or of every table of its FROM.
        const PgQuery__SelectStmt* s = n->select_stmt;
        for (size_t i = 0; i < s->n_locking_clause; ++i) {
          const PgQuery__LockingClause* clause = s->locking_clause[i]->locking_clause;
          PgQuery__Node* const* rels = clause->n_locked_rels ? clause->locked_rels : s->from_clause;
          size_t n_rels = clause->n_locked_rels ? clause->n_locked_rels : s->n_from_clause;
          for (size_t k = 0; k < n_rels; ++k)
            if (rels[k]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
              if (auto q = relation(rels[k]->range_var)) out.lock(*q, LockMode::RowShare);
        }
        break;
      }
      default: break;
    }
    return true;
  });
}

}  // namespace migc
