#include "analyzer/query_locks.h"

#include <algorithm>
#include <set>
#include <vector>

#include "analyzer/node_walk.h"

namespace migc {

namespace {

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return std::count(b.begin(), b.end(), x) > 0; });
}

bool cascades(const std::string& action) { return action == "c" || action == "n" || action == "d"; }

std::vector<std::string> assigned_columns(PgQuery__Node* const* targets, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i)
    if (targets[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET) out.emplace_back(targets[i]->res_target->name);
  return out;
}

// MERGE writes as each of its WHEN actions does.
void lock_merge(const QualifiedName& table, const PgQuery__MergeStmt& merge, HazardCollector& out) {
  out.lock(table, LockMode::RowExclusive);
  for (size_t i = 0; i < merge.n_merge_when_clauses; ++i) {
    if (merge.merge_when_clauses[i]->node_case != PG_QUERY__NODE__NODE_MERGE_WHEN_CLAUSE) continue;
    const PgQuery__MergeWhenClause* when = merge.merge_when_clauses[i]->merge_when_clause;
    switch (when->command_type) {
      case PG_QUERY__CMD_TYPE__CMD_INSERT: lock_row_write(table, RowWrite::Insert, {}, out); break;
      case PG_QUERY__CMD_TYPE__CMD_UPDATE:
        lock_row_write(table, RowWrite::Update, assigned_columns(when->target_list, when->n_target_list), out);
        break;
      case PG_QUERY__CMD_TYPE__CMD_DELETE: lock_row_write(table, RowWrite::Delete, {}, out); break;
      default: break;
    }
  }
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
    if (write == RowWrite::Update && !intersects(referenced_key(target, *fk), set_columns)) continue;
    const std::string& action = write == RowWrite::Update ? fk->on_update : fk->on_delete;
    out.lock(child->name, cascades(action) ? LockMode::RowExclusive : LockMode::RowShare);
  }
}

void lock_query(const PgQuery__Node* query, HazardCollector& out) {
  // One walk finds the CTE names and the nodes that lock; the locks are resolved after it,
  // when every CTE name is known (a WITH clause can come after what it names in field order).
  std::set<std::string> cte_names;
  std::vector<const PgQuery__Node*> lockers;
  walk_nodes(query, [&](const PgQuery__Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR: cte_names.insert(n->common_table_expr->ctename); break;
      case PG_QUERY__NODE__NODE_RANGE_VAR:
      case PG_QUERY__NODE__NODE_INSERT_STMT:
      case PG_QUERY__NODE__NODE_UPDATE_STMT:
      case PG_QUERY__NODE__NODE_DELETE_STMT:
      case PG_QUERY__NODE__NODE_MERGE_STMT: lockers.push_back(n); break;
      case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (n->select_stmt->n_locking_clause) lockers.push_back(n);
        break;
      // Leaves as far as relations go: not walking into them is what keeps a large VALUES cheap.
      case PG_QUERY__NODE__NODE_A_CONST:
      case PG_QUERY__NODE__NODE_COLUMN_REF:
      case PG_QUERY__NODE__NODE_PARAM_REF: return false;
      default: break;
    }
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
  auto merge = [&](const PgQuery__MergeStmt* m) {
    if (auto q = relation(m->relation)) lock_merge(*q, *m, out);
  };
  for (const PgQuery__Node* n : lockers) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR:
        if (auto q = relation(n->range_var)) out.lock(*q, LockMode::AccessShare);
        break;
      case PG_QUERY__NODE__NODE_INSERT_STMT: write(n->insert_stmt->relation, RowWrite::Insert, {}); break;
      case PG_QUERY__NODE__NODE_UPDATE_STMT: {
        const PgQuery__UpdateStmt* u = n->update_stmt;
        write(u->relation, RowWrite::Update, assigned_columns(u->target_list, u->n_target_list));
        break;
      }
      case PG_QUERY__NODE__NODE_DELETE_STMT: write(n->delete_stmt->relation, RowWrite::Delete, {}); break;
      case PG_QUERY__NODE__NODE_MERGE_STMT: merge(n->merge_stmt); break;
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
  }
}

}  // namespace migc
