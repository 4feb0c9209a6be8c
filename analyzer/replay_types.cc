// Enums, domains, composite, range and base types: CREATE, ALTER, DROP, RENAME, SET SCHEMA;
// other DefineStmt kinds (aggregates, operators, collations, text search) are noted only.
#include <algorithm>

#include "analyzer/catalog_drop.h"
#include "analyzer/deparse.h"
#include "analyzer/function_signature.h"
#include "analyzer/object_identity.h"
#include "analyzer/qualified_text.h"
#include "analyzer/relation_edits.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

// Adds `t` to the catalog unless a type of that name exists (a shell type is filled in).
void define_type(TypeDef t, ReplayContext& ctx) {
  ctx.reference(type_ref(t.name), Access::Create);
  if (!ctx.execute) return;
  TypeDef* existing = ctx.catalog.type(t.name);
  if (existing && existing->kind != TypeKind::Base) return;  // PostgreSQL refuses; the first one stays
  t.provenance = existing ? existing->provenance : Provenance{ctx.migration, {}};
  t.provenance.touch(ctx.migration);
  ctx.catalog.types[t.name] = std::move(t);
}

// The type an ALTER names, recorded as altered; nullptr when the model does not have it or
// nothing may change.
TypeDef* altered_type(const QualifiedName& q, ReplayContext& ctx) {
  ctx.reference(type_ref(q), Access::Alter);
  TypeDef* t = ctx.execute ? ctx.catalog.type(q) : nullptr;
  if (t) t->provenance.touch(ctx.migration);
  return t;
}

QualifiedName created_name(PgQuery__Node* const* names, size_t n, const ReplayContext& ctx) {
  return list_name(string_list(names, n), ctx.default_schema());
}

// ALTER TYPE names a composite type with a RangeVar, looked up among types.
QualifiedName composite_type_name(const PgQuery__RangeVar* rv, const ReplayContext& ctx) {
  std::vector<std::string> parts;
  if (rv->schemaname && *rv->schemaname) parts.emplace_back(rv->schemaname);
  parts.emplace_back(rv->relname);
  return ctx.resolve_type(parts);
}

Column attribute(const PgQuery__ColumnDef* def, ReplayContext& ctx) {
  Column a;
  a.name = def->colname;
  a.type = routine_type_text(def->type_name, ctx);
  if (def->coll_clause) {
    std::vector<std::string> collation = string_list(def->coll_clause->collname, def->coll_clause->n_collname);
    if (!collation.empty()) a.collation = collation.back();
  }
  a.provenance.created_by = ctx.migration;
  return a;
}

// A domain constraint: NOT NULL / NULL / DEFAULT set fields of the domain, CHECK adds one
// named as PostgreSQL names it (<domain>_check, then _check1, …).
void add_domain_constraint(TypeDef& d, const PgQuery__Constraint* c, std::vector<std::string>& taken,
                           ReplayContext& ctx) {
  switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: d.not_null = true; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: d.not_null = false; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
      collect_reads(c->raw_expr, ctx);
      d.default_expr = stored_default(ctx, c->raw_expr, d.base_type);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
      collect_reads(c->raw_expr, ctx);
      Constraint k;
      k.name = c->conname && *c->conname
                   ? c->conname
                   : ctx.catalog.choose_constraint_name(d.name.schema, d.name.name, "", "check", taken);
      taken.push_back(k.name);
      k.type = 'c';
      k.expression = deparse_expression(c->raw_expr);
      k.validated = !c->skip_validation;
      k.provenance.created_by = ctx.migration;
      d.constraints.push_back(std::move(k));
      break;
    }
    default: break;
  }
}

std::string_view define_kind_name(PgQuery__ObjectType kind) {
  switch (kind) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: return "AGGREGATE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR: return "OPERATOR";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: return "COLLATION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER: return "TEXT SEARCH PARSER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY: return "TEXT SEARCH DICTIONARY";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE: return "TEXT SEARCH TEMPLATE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION: return "TEXT SEARCH CONFIGURATION";
    default: return "object";
  }
}

template <class Items>
auto* named(Items& items, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

void move_comment(Catalog& c, const CommentKey& from, const CommentKey& to) {
  if (auto node = c.comments.extract(from)) {
    node.key() = to;
    c.comments.insert(std::move(node));
  }
}

// RENAME TO / SET SCHEMA: the type and every mention of it move to `to`.
void move_type_to(const QualifiedName& from, const QualifiedName& to, ReplayContext& ctx) {
  ctx.reference(type_ref(from), Access::Drop);
  ctx.reference(type_ref(to), Access::Create);
  if (!ctx.execute) return;
  rename_type_everywhere(ctx.catalog, from, to);
  if (TypeDef* t = ctx.catalog.type(to)) t->provenance.touch(ctx.migration);
}

}  // namespace

void replay_create_enum(const PgQuery__CreateEnumStmt* stmt, ReplayContext& ctx) {
  TypeDef t;
  t.name = created_name(stmt->type_name, stmt->n_type_name, ctx);
  t.kind = TypeKind::Enum;
  t.labels = string_list(stmt->vals, stmt->n_vals);
  define_type(std::move(t), ctx);
}

void replay_alter_enum(const PgQuery__AlterEnumStmt* stmt, ReplayContext& ctx) {
  TypeDef* t = altered_type(ctx.resolve_type(string_list(stmt->type_name, stmt->n_type_name)), ctx);
  if (!t) return;
  auto& labels = t->labels;
  if (stmt->old_val && *stmt->old_val) {  // RENAME VALUE
    std::replace(labels.begin(), labels.end(), std::string(stmt->old_val), std::string(stmt->new_val));
    return;
  }
  if (std::count(labels.begin(), labels.end(), stmt->new_val)) return;  // IF NOT EXISTS, or PostgreSQL refuses
  auto at = labels.end();
  if (stmt->new_val_neighbor && *stmt->new_val_neighbor) {
    at = std::find(labels.begin(), labels.end(), stmt->new_val_neighbor);
    if (at != labels.end() && stmt->new_val_is_after) ++at;
  }
  labels.insert(at, stmt->new_val);
}

void replay_create_domain(const PgQuery__CreateDomainStmt* stmt, ReplayContext& ctx) {
  TypeDef d;
  d.name = created_name(stmt->domainname, stmt->n_domainname, ctx);
  d.kind = TypeKind::Domain;
  d.base_type = routine_type_text(stmt->type_name, ctx);
  std::vector<std::string> taken;
  for (size_t i = 0; i < stmt->n_constraints; ++i)
    if (stmt->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
      add_domain_constraint(d, stmt->constraints[i]->constraint, taken, ctx);
  define_type(std::move(d), ctx);
}

void replay_alter_domain(const PgQuery__AlterDomainStmt* stmt, ReplayContext& ctx) {
  QualifiedName q = ctx.resolve_type(string_list(stmt->type_name, stmt->n_type_name));
  if (stmt->def && stmt->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) collect_reads(stmt->def, ctx);
  TypeDef* d = altered_type(q, ctx);
  if (!d) return;
  std::string name = stmt->name ? stmt->name : "";
  switch (stmt->subtype ? stmt->subtype[0] : 0) {
    case 'T':  // SET DEFAULT / DROP DEFAULT
      d->default_expr = stmt->def ? stored_default(ctx, stmt->def, d->base_type) : std::nullopt;
      break;
    case 'N': d->not_null = false; break;
    case 'O': d->not_null = true; break;
    case 'C':
      if (stmt->def && stmt->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
        std::vector<std::string> taken;
        add_domain_constraint(*d, stmt->def->constraint, taken, ctx);
      }
      break;
    case 'X':
      std::erase_if(d->constraints, [&](const Constraint& k) { return k.name == name; });
      ctx.catalog.comments.erase(member_key("domain constraint", name, q));
      break;
    case 'V':
      if (Constraint* k = named(d->constraints, name)) k->validated = true;
      break;
    default: break;
  }
}

void replay_composite_type(const PgQuery__CompositeTypeStmt* stmt, ReplayContext& ctx) {
  TypeDef t;
  t.name = range_var_name(stmt->typevar, ctx.default_schema());
  t.kind = TypeKind::Composite;
  for (size_t i = 0; i < stmt->n_coldeflist; ++i)
    if (stmt->coldeflist[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
      t.attributes.push_back(attribute(stmt->coldeflist[i]->column_def, ctx));
  define_type(std::move(t), ctx);
}

void replay_alter_composite_type(const PgQuery__AlterTableStmt* stmt, ReplayContext& ctx) {
  QualifiedName q = composite_type_name(stmt->relation, ctx);
  std::vector<std::pair<const PgQuery__AlterTableCmd*, Column>> changes;
  for (size_t i = 0; i < stmt->n_cmds; ++i) {
    if (stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd* cmd = stmt->cmds[i]->alter_table_cmd;
    bool has_definition = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF;
    changes.emplace_back(cmd, has_definition ? attribute(cmd->def->column_def, ctx) : Column{});
  }
  TypeDef* t = altered_type(q, ctx);
  if (!t) return;
  for (auto& [cmd, column] : changes) {
    std::string name = cmd->name ? cmd->name : "";
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: t->attributes.push_back(column); break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        std::erase_if(t->attributes, [&](const Column& a) { return a.name == name; });
        ctx.catalog.comments.erase(column_key("composite type", q, name));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (Column* a = named(t->attributes, name)) a->type = column.type;
        break;
      default: break;
    }
  }
}

void replay_create_range(const PgQuery__CreateRangeStmt* stmt, ReplayContext& ctx) {
  TypeDef t;
  t.name = created_name(stmt->type_name, stmt->n_type_name, ctx);
  t.kind = TypeKind::Range;
  for (size_t i = 0; i < stmt->n_params; ++i) {
    if (stmt->params[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = stmt->params[i]->def_elem;
    if (std::string_view(def->defname) == "subtype" && def->arg &&
        def->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
      t.base_type = without_typmods(routine_type_text(def->arg->type_name, ctx));
  }
  define_type(std::move(t), ctx);
}

void replay_define(const PgQuery__DefineStmt* stmt, ReplayContext& ctx) {
  QualifiedName q = created_name(stmt->defnames, stmt->n_defnames, ctx);
  if (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {  // a base type, or a shell without definition
    TypeDef t;
    t.name = q;
    t.kind = TypeKind::Base;
    define_type(std::move(t), ctx);
    return;
  }
  if (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) ctx.reference(function_ref(q), Access::Create);
  ctx.note("CREATE " + std::string(define_kind_name(stmt->kind)) + " " + display_name(q) +
           " is not part of the schema model");
}

void drop_type(const DropTarget& target, ReplayContext& ctx) {
  QualifiedName q = ctx.resolve_type(object_names(target.object));
  ctx.reference(type_ref(q), Access::Drop);
  if (!ctx.execute || !ctx.catalog.type(q)) return;
  NameMatch names = [&](std::string_view text) { return names_object(text, q); };
  size_t users = count_type_users(ctx.catalog, names);
  if (users > 0 && !target.cascade) {
    ctx.note("DROP TYPE " + display_name(q) + " without CASCADE fails: " + std::to_string(users) +
             " object(s) use it; the model keeps it");
    return;
  }
  drop_type_users(names, ctx);
  ctx.catalog.types.erase(q);
  drop_comments(ctx.catalog, names);
}

void rename_type(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE) {
    QualifiedName q = composite_type_name(stmt->relation, ctx);
    TypeDef* t = altered_type(q, ctx);
    Column* a = t ? named(t->attributes, stmt->subname) : nullptr;
    if (!a) return;
    a->name = stmt->newname;
    move_comment(ctx.catalog, column_key("composite type", q, stmt->subname), column_key("composite type", q, a->name));
    return;
  }
  QualifiedName q = ctx.resolve_type(object_names(stmt->object));
  if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT) {
    TypeDef* d = altered_type(q, ctx);
    Constraint* k = d ? named(d->constraints, stmt->subname) : nullptr;
    if (!k) return;
    k->name = stmt->newname;
    move_comment(ctx.catalog, member_key("domain constraint", stmt->subname, q),
                 member_key("domain constraint", k->name, q));
    return;
  }
  move_type_to(q, {q.schema, stmt->newname}, ctx);
}

void move_type(const PgQuery__Node* type, const std::string& new_schema, ReplayContext& ctx) {
  QualifiedName q = ctx.resolve_type(object_names(type));
  move_type_to(q, {new_schema, q.name}, ctx);
}

}  // namespace migc
