// naming-convention: a name a migration gives an object (created, added or renamed to) that does
// not match the pattern [lint.naming] sets for its kind. Names PostgreSQL generates are not
// judged: only those written in the statement.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void judge(RuleContext& ctx, std::string_view kind, const char* name, int32_t location = -1) {
  if (!name || !*name) return;
  auto pattern = ctx.naming->find(std::string(kind));
  if (pattern == ctx.naming->end() || std::regex_match(name, pattern->second)) return;
  ctx.report(std::string(kind) + " name " + quote_ident(name) + " does not match the naming convention",
             "rename it to match [lint.naming] " + std::string(kind) + " in migc.toml", location);
}

std::string_view constraint_kind(PgQuery__ConstrType type) {
  switch (type) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: return "primary_key";
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: return "unique";
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: return "foreign_key";
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: return "check";
    default: return "";
  }
}

void judge_constraint(RuleContext& ctx, const PgQuery__Node* n) {
  if (n && n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
    judge(ctx, constraint_kind(n->constraint->contype), n->constraint->conname, n->constraint->location);
}

void judge_column(RuleContext& ctx, const PgQuery__ColumnDef* def) {
  judge(ctx, "column", def->colname, def->location);
  for (size_t i = 0; i < def->n_constraints; ++i) judge_constraint(ctx, def->constraints[i]);
}

std::string_view renamed_kind(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "schema";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: return "column";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "index";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "sequence";
    default: return "";
  }
}

void check(RuleContext& ctx) {
  if (ctx.naming->empty()) return;
  const PgQuery__Node* n = ctx.node;
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: judge(ctx, "schema", n->create_schema_stmt->schemaname); break;
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt* c = n->create_stmt;
      judge(ctx, "table", c->relation->relname, c->relation->location);
      for (size_t i = 0; i < c->n_table_elts; ++i) {
        if (c->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) judge_column(ctx, c->table_elts[i]->column_def);
        else judge_constraint(ctx, c->table_elts[i]);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: judge(ctx, "index", n->index_stmt->idxname); break;
    case PG_QUERY__NODE__NODE_VIEW_STMT: judge(ctx, "view", n->view_stmt->view->relname, n->view_stmt->view->location); break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      if (n->create_table_as_stmt->into && n->create_table_as_stmt->into->rel)
        judge(ctx, n->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? "view" : "table",
              n->create_table_as_stmt->into->rel->relname, n->create_table_as_stmt->into->rel->location);
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      judge(ctx, "sequence", n->create_seq_stmt->sequence->relname, n->create_seq_stmt->sequence->location);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      for (size_t i = 0; i < n->alter_table_stmt->n_cmds; ++i) {
        if (n->alter_table_stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
        const PgQuery__AlterTableCmd* cmd = n->alter_table_stmt->cmds[i]->alter_table_cmd;
        if (!cmd->def) continue;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
          judge_column(ctx, cmd->def->column_def);
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint) judge_constraint(ctx, cmd->def);
      }
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt* r = n->rename_stmt;
      std::string_view kind = r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT ? "" : renamed_kind(r->rename_type);
      if (!kind.empty()) judge(ctx, kind, r->newname);
      break;
    }
    default: break;
  }
}

}  // namespace

Rule naming_convention() {
  return {.id = "naming-convention",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "a name that does not match the [lint.naming] pattern for its kind",
          .check = check};
}

}  // namespace migc::rules
