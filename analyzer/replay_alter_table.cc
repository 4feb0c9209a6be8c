// ALTER TABLE (and the ALTER INDEX / SEQUENCE / VIEW / MATERIALIZED VIEW / FOREIGN TABLE forms
// that share its node). PostgreSQL runs the subcommands of one statement in passes — drops,
// type changes, new columns, column attributes, index-backed constraints, indexes, other
// constraints, the rest — so `ADD CHECK …, DROP CONSTRAINT t_a_check` frees the name before the
// new CHECK is named. The replay schedules each subcommand into its pass the same way.
#include <array>
#include <functional>

#include "analyzer/references.h"
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"

namespace migc {

namespace {

// AlterTablePass (tablecmds.c), in execution order.
enum Pass { kDrop, kAlterType, kAddColumn, kColumnAttrs, kAddIndexConstraint, kAddIndex, kAddOtherConstraint, kMisc, kPasses };

struct Alter {
  ReplayContext& ctx;
  Relation& table;
  bool recurse;  // false under ONLY
  std::array<std::vector<std::function<void()>>, kPasses> passes;

  void later(Pass pass, std::function<void()> step) { passes[pass].push_back(std::move(step)); }
  // The column `name` of the table, or null with a note (the statement would fail).
  Column* column(const std::string& name) {
    ctx.reference(column_ref(table.name, name), Access::Alter);
    Column* c = table.column(name);
    if (!c) ctx.note("column " + name + " of " + display_name(table.name) + " is not in the model");
    return c;
  }
  // Applies `change` to the column on the table and, unless ONLY, on every descendant.
  void each_column(const std::string& name, const std::function<void(Relation&, Column&)>& change) {
    if (!column(name)) return;
    for (Relation* rel : with_descendants(ctx.catalog, table, recurse))
      if (Column* c = rel->column(name)) {
        change(*rel, *c);
        c->provenance.touch(ctx.migration);
        touch(ctx, *rel);
      }
  }
  // Schedules constraints by kind into the passes that add them.
  void add_constraints(const std::vector<NewConstraint>& pending) {
    std::vector<NewConstraint> checks, indexed, foreign_keys;
    split_constraints(pending, checks, indexed, foreign_keys);
    bool using_index = !indexed.empty() && *indexed.front().def->indexname;
    if (!indexed.empty())
      later(using_index ? kAddIndexConstraint : kAddIndex, [this, indexed] { add_index_constraints(ctx, table, indexed, recurse); });
    if (!checks.empty()) later(kAddOtherConstraint, [this, checks] { add_checks(ctx, table, checks, true, recurse); });
    if (!foreign_keys.empty())
      later(kAddOtherConstraint, [this, foreign_keys] { add_foreign_keys(ctx, table, foreign_keys, true, recurse); });
  }
};

void add_column_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  const PgQuery__ColumnDef* def = cmd->def->column_def;
  if (a.table.column(def->colname)) {
    a.ctx.note("column " + std::string(def->colname) + " already exists" +
               (cmd->missing_ok ? ": ADD COLUMN IF NOT EXISTS does nothing" : ": PostgreSQL refuses to add it again"));
    return;
  }
  std::vector<NewConstraint> pending;
  Column added = add_column(a.ctx, a.table, def, pending);
  for (Relation* rel : with_descendants(a.ctx.catalog, a.table, a.recurse))
    if (rel != &a.table && !rel->column(added.name)) {
      Column copy = added;
      copy.identity = 0;
      rel->columns.push_back(copy);
      a.ctx.reference(column_ref(rel->name, added.name), Access::Create);
      touch(a.ctx, *rel);
    }
  a.add_constraints(pending);
}

void alter_type_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  const PgQuery__ColumnDef* def = cmd->def->column_def;
  std::string type = a.ctx.type_text(def->type_name);
  if (def->raw_default) collect_reads_on(def->raw_default, a.table.name, a.ctx);  // USING
  std::string collation;
  if (def->coll_clause) {
    auto names = string_list(def->coll_clause->collname, def->coll_clause->n_collname);
    if (!names.empty()) collation = names.back();
  }
  a.each_column(cmd->name, [&](Relation& rel, Column& c) {
    c.type = type;
    c.collation = collation;
    // An identity column's sequence follows its type.
    if (c.identity)
      for (Relation* seq : owned_sequences(a.ctx.catalog, rel.name, c.name)) seq->sequence.type = type;
  });
}

void set_identity_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_LIST) return;
  const PgQuery__List* options = cmd->def->list;
  a.each_column(cmd->name, [&](Relation& rel, Column& c) {
    for (size_t i = 0; i < options->n_items; ++i) {
      const PgQuery__Node* item = options->items[i];
      if (item->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && std::string_view(item->def_elem->defname) == "generated" &&
          item->def_elem->arg && item->def_elem->arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
        c.identity = static_cast<char>(item->def_elem->arg->integer->ival);  // 'a' or 'd'
    }
    for (Relation* seq : owned_sequences(a.ctx.catalog, rel.name, c.name)) {
      apply_sequence_options(a.ctx, *seq, options->items, options->n_items);
      touch(a.ctx, *seq);
    }
  });
}

void drop_identity_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  a.each_column(cmd->name, [&](Relation& rel, Column& c) {
    if (!c.identity) return;
    c.identity = 0;
    for (Relation* seq : owned_sequences(a.ctx.catalog, rel.name, c.name)) drop_relation(a.ctx, QualifiedName(seq->name), true);
  });
}

void attach_partition_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  const PgQuery__PartitionCmd* p = cmd->def->partition_cmd;
  QualifiedName name = a.ctx.resolve_relation(p->name);
  a.ctx.reference(relation_ref(name), Access::Alter);
  Relation* partition = a.ctx.catalog.relation(name);
  if (!partition || a.table.kind != RelKind::PartitionedTable) return;  // ALTER INDEX … ATTACH: nothing modelled
  partition->partition_of = a.table.name;
  a.table.had_children = true;
  partition->partition_bound = p->bound ? partition_bound_text(p->bound) : "";
  touch(a.ctx, *partition);
  adopt_partition(a.ctx, a.table, *partition);
}

void detach_partition_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  QualifiedName name = a.ctx.resolve_relation(cmd->def->partition_cmd->name);
  a.ctx.reference(relation_ref(name), Access::Alter);
  if (Relation* partition = a.ctx.catalog.relation(name)) {
    partition->partition_of.reset();
    partition->partition_bound.clear();
    touch(a.ctx, *partition);
  }
}

void inherit_command(Alter& a, const PgQuery__AlterTableCmd* cmd, bool add) {
  QualifiedName parent = a.ctx.resolve_relation(cmd->def->range_var);
  a.ctx.reference(relation_ref(parent), Access::Read);
  std::erase(a.table.inherits, parent);
  if (!add) return;
  a.table.inherits.push_back(parent);
  if (Relation* p = a.ctx.catalog.relation(parent)) p->had_children = true;
}

// ENABLE / DISABLE TRIGGER name | ALL | USER (the model has no internal triggers, so ALL and
// USER are the same).
void set_triggers_enabled(Alter& a, const PgQuery__AlterTableCmd* cmd, bool enabled, bool all) {
  if (!all) a.ctx.reference(trigger_ref(a.table.name, cmd->name), Access::Alter);
  for (Trigger& t : a.table.triggers)
    if (all || t.name == cmd->name) {
      t.enabled = enabled;
      t.provenance.touch(a.ctx.migration);
    }
}

void validate_constraint_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  a.ctx.reference(constraint_ref(a.table.name, cmd->name), Access::Alter);
  for (Relation* rel : with_descendants(a.ctx.catalog, a.table, a.recurse))
    if (Constraint* c = rel->constraint(cmd->name)) {
      c->validated = true;
      c->provenance.touch(a.ctx.migration);
      touch(a.ctx, *rel);
    }
}

void alter_constraint_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  const PgQuery__Constraint* def = cmd->def->constraint;
  a.ctx.reference(constraint_ref(a.table.name, def->conname), Access::Alter);
  for (Relation* rel : with_descendants(a.ctx.catalog, a.table, true, true))
    if (Constraint* c = rel->constraint(def->conname)) {
      c->deferrable = def->deferrable;
      c->initially_deferred = def->initdeferred;
      c->provenance.touch(a.ctx.migration);
      touch(a.ctx, *rel);
    }
}

void drop_constraint_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  if (!a.table.constraint(cmd->name)) {
    a.ctx.reference(constraint_ref(a.table.name, cmd->name), Access::Drop);
    a.ctx.note("constraint " + std::string(cmd->name) + " of " + display_name(a.table.name) +
               (cmd->missing_ok ? " does not exist: DROP CONSTRAINT IF EXISTS does nothing" : " is not in the model"));
    return;
  }
  drop_constraint(a.ctx, a.table, cmd->name, a.recurse);
}

void drop_column_command(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  if (!a.table.column(cmd->name)) {
    a.ctx.reference(column_ref(a.table.name, cmd->name), Access::Drop);
    a.ctx.note("column " + std::string(cmd->name) + " of " + display_name(a.table.name) +
               (cmd->missing_ok ? " does not exist: DROP COLUMN IF EXISTS does nothing" : " is not in the model"));
    return;
  }
  drop_column(a.ctx, a.table, cmd->name, a.recurse);
}

void reset_options(std::map<std::string, std::string>& options, const PgQuery__Node* list) {
  if (!list || list->node_case != PG_QUERY__NODE__NODE_LIST) return;
  for (size_t i = 0; i < list->list->n_items; ++i)
    if (list->list->items[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM) options.erase(list->list->items[i]->def_elem->defname);
}

void schedule(Alter& a, const PgQuery__AlterTableCmd* cmd) {
  Relation& table = a.table;
  std::string name = cmd->name ? cmd->name : "";
  switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnToView:
      a.later(kAddColumn, [&a, cmd] { add_column_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
      a.later(cmd->def ? kAddOtherConstraint : kDrop, [&a, name, def = cmd->def] {
        if (def) collect_reads(def, a.ctx);
        a.each_column(name, [&](Relation&, Column& c) {
          if (def) c.default_expr = stored_default(a.ctx, def, c.type);
          else c.default_expr.reset();
        });
      });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      a.later(kDrop, [&a, name] { a.each_column(name, [](Relation&, Column& c) { c.not_null = false; }); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      a.later(kColumnAttrs, [&a, name] { a.each_column(name, [](Relation&, Column& c) { c.not_null = true; }); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
      a.later(kDrop, [&a, name] { a.each_column(name, [](Relation&, Column& c) { c.generated.reset(); }); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnGenericOptions:
      // ALTER INDEX … ALTER COLUMN 2 SET STATISTICS numbers the column instead of naming it.
      if (!name.empty()) a.later(kMisc, [&a, name] { a.each_column(name, [](Relation&, Column&) {}); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
      a.later(kDrop, [&a, cmd] { drop_column_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
      a.add_constraints({NewConstraint::of(cmd->def->constraint)});
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint:
      a.later(kMisc, [&a, cmd] { alter_constraint_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
      a.later(kMisc, [&a, cmd] { validate_constraint_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
      a.later(kDrop, [&a, cmd] { drop_constraint_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      a.later(kAlterType, [&a, cmd] { alter_type_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
      a.later(kColumnAttrs, [&a, cmd, name] {
        const PgQuery__Constraint* c = cmd->def->constraint;
        Column* column = a.column(name);
        if (!column) return;
        add_identity(a.ctx, a.table, *column, c->generated_when[0], c->options, c->n_options);
        touch(a.ctx, a.table);
      });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
      a.later(kColumnAttrs, [&a, cmd] { set_identity_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
      a.later(kDrop, [&a, cmd] { drop_identity_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
      a.later(kMisc, [&a, cmd] { attach_partition_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
      a.later(kMisc, [&a, cmd] { detach_partition_command(a, cmd); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit:
      a.later(kMisc, [&a, cmd] { inherit_command(a, cmd, cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit); });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
      table.unlogged = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity: table.rls_enabled = true; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity: table.rls_enabled = false; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity: table.rls_forced = true; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity: table.rls_forced = false; break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig: set_triggers_enabled(a, cmd, true, false); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig: set_triggers_enabled(a, cmd, false, false); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser: set_triggers_enabled(a, cmd, true, true); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser: set_triggers_enabled(a, cmd, false, true); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions:
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions) table.options.clear();
      if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_LIST)
        set_options(table.options, cmd->def->list->items, cmd->def->list->n_items);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: reset_options(table.options, cmd->def); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner: return;  // not modelled: no provenance change
    default:
      // CLUSTER ON, REPLICA IDENTITY, SET TABLESPACE, SET ACCESS METHOD, rules, OF, OPTIONS, …:
      // facts the model does not keep; the relation is still changed.
      break;
  }
  touch(a.ctx, table);
}

}  // namespace

void replay_alter_table(const PgQuery__AlterTableStmt* stmt, ReplayContext& ctx) {
  QualifiedName name = ctx.resolve_relation(stmt->relation);
  Relation* table = ctx.catalog.relation(name);
  if (!table && stmt->missing_ok) {
    ctx.note(display_name(name) + " does not exist: ALTER … IF EXISTS does nothing");
    return;
  }
  ctx.reference(relation_ref(name), Access::Alter);
  if (!table) {
    ctx.note(display_name(name) + " is not in the model: its change is not modelled");
    return;
  }
  Alter a{ctx, *table, static_cast<bool>(stmt->relation->inh), {}};
  for (size_t i = 0; i < stmt->n_cmds; ++i)
    if (stmt->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) schedule(a, stmt->cmds[i]->alter_table_cmd);
  // A step may schedule more steps into later passes (ADD COLUMN's constraints).
  for (auto& pass : a.passes)
    for (size_t i = 0; i < pass.size(); ++i) pass[i]();
}

}  // namespace migc
