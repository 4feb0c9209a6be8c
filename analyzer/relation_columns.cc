// Columns and the sequences they own (serial, identity, OWNED BY).
#include <algorithm>
#include <cstdint>

#include "analyzer/object_identity.h"
#include "analyzer/references.h"
#include "analyzer/relation_edits.h"
#include "analyzer/stored_expressions.h"
#include "analyzer/type_names.h"

namespace migc {

namespace {

std::optional<int64_t> integer_value(const PgQuery__Node* arg) {
  if (!arg) return std::nullopt;
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival;
  if (arg->node_case == PG_QUERY__NODE__NODE_FLOAT) {
    try {
      return std::stoll(arg->float_->fval);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string serial_base(const PgQuery__TypeName* type) {
  return format_type_name(type, [](const std::string&) { return std::nullopt; }, "").serial_base;
}

// The sequence name an identity column's options give (SEQUENCE NAME), or nullopt.
std::optional<QualifiedName> explicit_sequence_name(const ReplayContext& ctx, PgQuery__Node* const* options, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* d = options[i]->def_elem;
    if (std::string_view(d->defname) == "sequence_name" && d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_LIST)
      return list_name(string_list(d->arg->list->items, d->arg->list->n_items), ctx.default_schema());
  }
  return std::nullopt;
}

// The sequence behind a serial or identity column: generateSerialSequence's name
// (ChooseRelationName(table, column, "seq")) unless SEQUENCE NAME gives one.
Relation& create_column_sequence(ReplayContext& ctx, const Relation& table, const std::string& column,
                                 const std::string& type, bool identity, PgQuery__Node* const* options, size_t n) {
  QualifiedName name = explicit_sequence_name(ctx, options, n)
                           .value_or(QualifiedName{table.name.schema, ctx.catalog.choose_relation_name(
                                                                          table.name.schema, table.name.name, column, "seq")});
  Relation& seq = create_relation(ctx, name, RelKind::Sequence);
  seq.sequence.type = type;
  seq.sequence.identity = identity;
  seq.sequence.owned_by = std::make_pair(table.name, column);
  apply_sequence_options(ctx, seq, options, n);
  return seq;
}

bool is_integer_type(const std::string& type) { return type == "smallint" || type == "integer" || type == "bigint"; }

// The column properties a column constraint sets; other kinds go to `pending`.
void apply_column_constraints(ReplayContext& ctx, Relation& table, Column& column, const PgQuery__ColumnDef* def,
                              std::vector<NewConstraint>& pending) {
  NewConstraint* last = nullptr;
  for (size_t i = 0; i < def->n_constraints; ++i) {
    if (def->constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint* c = def->constraints[i]->constraint;
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: column.not_null = false; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: column.not_null = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        column.default_expr = stored_default(ctx, c->raw_expr, column.type);
        collect_reads(c->raw_expr, ctx);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        column.generated = expression_text(c->raw_expr);
        collect_reads_on(c->raw_expr, table.name, ctx);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        add_identity(ctx, table, column, c->generated_when[0], c->options, c->n_options);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
        // These clauses qualify the constraint written just before them.
        if (!last) break;
        if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE) last->deferrable = true;
        if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE) last->deferrable = false;
        if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED) last->initially_deferred = last->deferrable = true;
        if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE) last->initially_deferred = false;
        break;
      default:
        pending.push_back(NewConstraint::of(c, column.name));
        last = &pending.back();
    }
  }
  if (def->is_not_null) column.not_null = true;
  if (def->raw_default) {
    column.default_expr = stored_default(ctx, def->raw_default, column.type);
    collect_reads(def->raw_default, ctx);
  }
  if (def->coll_clause) {
    auto names = string_list(def->coll_clause->collname, def->coll_clause->n_collname);
    if (!names.empty()) column.collation = names.back();
  }
}

}  // namespace

Column& add_column(ReplayContext& ctx, Relation& table, const PgQuery__ColumnDef* def, std::vector<NewConstraint>& pending) {
  Column& column = table.columns.emplace_back();
  column.name = def->colname;
  column.provenance.created_by = ctx.migration;
  ctx.reference(column_ref(table.name, column.name), Access::Create);
  if (def->type_name) {
    column.type = ctx.type_text(def->type_name);
    if (std::string base = serial_base(def->type_name); !base.empty()) {
      Relation& seq = create_column_sequence(ctx, table, column.name, base, false, nullptr, 0);
      column.default_expr = nextval_default(seq.name);
      column.not_null = true;
    }
  }
  // `column` stays valid: nothing below adds columns to `table`.
  apply_column_constraints(ctx, table, column, def, pending);
  touch(ctx, table);
  return column;
}

void merge_column(ReplayContext& ctx, Relation& table, Column& column, const PgQuery__ColumnDef* def,
                  std::vector<NewConstraint>& pending) {
  if (def->type_name) column.type = ctx.type_text(def->type_name);
  ctx.reference(column_ref(table.name, column.name), Access::Create);
  apply_column_constraints(ctx, table, column, def, pending);
}

std::optional<std::string> stored_default(ReplayContext& ctx, const PgQuery__Node* expr, const std::string& type) {
  const PgQuery__Node* value = expr;
  while (value && value->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
    if (ctx.type_text(value->type_cast->type_name) != type) return expression_text(expr);
    value = value->type_cast->arg;
  }
  bool null_constant = value && value->node_case == PG_QUERY__NODE__NODE_A_CONST && value->a_const->isnull;
  if (null_constant && !ctx.catalog.is_domain(type)) return std::nullopt;
  return expression_text(expr);
}

void add_identity(ReplayContext& ctx, Relation& table, Column& column, char kind, PgQuery__Node* const* options,
                  size_t n_options) {
  column.identity = kind;
  column.not_null = true;
  column.default_expr.reset();
  create_column_sequence(ctx, table, column.name, is_integer_type(column.type) ? column.type : "bigint", true,
                         options, n_options);
}

std::string nextval_default(const QualifiedName& sequence) {
  return "nextval('" + display_name(sequence) + "'::regclass)";
}

SequenceInfo spelled_out(const SequenceInfo& s) {
  SequenceInfo out = s;
  int64_t type_max = s.type == "smallint" ? INT16_MAX : s.type == "integer" ? INT32_MAX : INT64_MAX;
  int64_t type_min = s.type == "smallint" ? INT16_MIN : s.type == "integer" ? INT32_MIN : INT64_MIN;
  bool ascending = s.increment.value_or(1) > 0;
  out.increment = s.increment.value_or(1);
  out.min_value = s.min_value.value_or(ascending ? 1 : type_min);
  out.max_value = s.max_value.value_or(ascending ? type_max : -1);
  out.start = s.start.value_or(ascending ? *out.min_value : *out.max_value);
  out.cache = s.cache.value_or(1);
  return out;
}

std::vector<Relation*> owned_sequences(Catalog& catalog, const QualifiedName& table, const std::string& column) {
  std::vector<Relation*> out;
  for (auto& [name, rel] : catalog.relations)
    if (rel.kind == RelKind::Sequence && rel.sequence.owned_by && rel.sequence.owned_by->first == table &&
        (column.empty() || rel.sequence.owned_by->second == column))
      out.push_back(&rel);
  return out;
}

void apply_sequence_options(ReplayContext& ctx, Relation& seq, PgQuery__Node* const* options, size_t n) {
  SequenceInfo& s = seq.sequence;
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* d = options[i]->def_elem;
    std::string_view option = d->defname;
    if (option == "as" && d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) s.type = ctx.type_text(d->arg->type_name);
    else if (option == "start") s.start = integer_value(d->arg);
    else if (option == "increment") s.increment = integer_value(d->arg);
    else if (option == "minvalue") s.min_value = integer_value(d->arg);  // NO MINVALUE: no argument
    else if (option == "maxvalue") s.max_value = integer_value(d->arg);
    else if (option == "cache") s.cache = integer_value(d->arg);
    else if (option == "cycle") s.cycle = d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN && d->arg->boolean->boolval;
    else if (option == "owned_by" && d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_LIST) {
      auto parts = string_list(d->arg->list->items, d->arg->list->n_items);
      if (parts.size() == 1 && parts[0] == "none") {
        s.owned_by.reset();
      } else if (parts.size() >= 2) {
        std::string column = parts.back();
        parts.pop_back();
        QualifiedName table = ctx.resolve_relation(parts);
        ctx.reference(relation_ref(table), Access::Read);
        ctx.reference(column_ref(table, column), Access::Read);
        s.owned_by = std::make_pair(table, column);
      }
    }
  }
}

void drop_column(ReplayContext& ctx, Relation& table, const std::string& name, bool recurse) {
  for (Relation* rel : with_descendants(ctx.catalog, table, recurse)) {
    if (!rel->column(name)) continue;
    // Indexes and constraints that use the column go with it (the index takes its constraint).
    for (Relation* index : indexes_of(ctx.catalog, rel->name)) {
      const IndexInfo& i = index->index;
      auto used = index_key_columns(i.keys);
      if (i.predicate)
        for (const auto& c : expression_columns(*i.predicate)) used.push_back(c);
      used.insert(used.end(), i.include.begin(), i.include.end());
      if (!std::count(used.begin(), used.end(), name)) continue;
      std::string constraint = i.constraint;  // copied: dropping frees the index
      if (constraint.empty()) drop_relation(ctx, QualifiedName(index->name), false);
      else drop_constraint(ctx, *rel, constraint, false);
    }
    std::vector<std::string> doomed;
    for (const Constraint& c : rel->constraints)
      if (std::count(c.columns.begin(), c.columns.end(), name)) doomed.push_back(c.name);
    for (const auto& c : doomed) drop_constraint(ctx, *rel, c, false);
    for (Relation* seq : owned_sequences(ctx.catalog, rel->name, name)) drop_relation(ctx, seq->name, true);
    std::erase_if(rel->columns, [&](const Column& c) { return c.name == name; });
    ctx.reference(column_ref(rel->name, name), Access::Drop);
    ctx.catalog.comments.erase(column_key(relation_identity_type(rel->kind), rel->name, name));
    touch(ctx, *rel);
  }
}

void rename_column(ReplayContext& ctx, Relation& table, const std::string& from, const std::string& to, bool recurse) {
  for (Relation* rel : with_descendants(ctx.catalog, table, recurse)) {
    Column* column = rel->column(from);
    if (!column) continue;
    column->name = to;
    column->provenance.touch(ctx.migration);
    for (Column& c : rel->columns)
      if (c.generated) c.generated = rename_expression_column(*c.generated, from, to);
    for (Constraint& c : rel->constraints) {
      std::replace(c.columns.begin(), c.columns.end(), from, to);
      if (c.type == 'c') c.expression = rename_expression_column(c.expression, from, to);
    }
    for (Relation* index : indexes_of(ctx.catalog, rel->name)) {
      IndexInfo& i = index->index;
      i.keys = rename_index_key_column(i.keys, from, to);
      std::replace(i.include.begin(), i.include.end(), from, to);
      if (i.predicate) i.predicate = rename_expression_column(*i.predicate, from, to);
    }
    if (auto open = rel->partition_key.find(" ("); open != std::string::npos && rel->partition_key.ends_with(")")) {
      std::string keys = rel->partition_key.substr(open + 2, rel->partition_key.size() - open - 3);
      std::string renamed;
      for (const auto& key : rename_index_key_column({keys}, from, to)) renamed += (renamed.empty() ? "" : ", ") + key;
      rel->partition_key = rel->partition_key.substr(0, open + 2) + renamed + ")";
    }
    for (auto& [other_name, other] : ctx.catalog.relations) {
      for (Constraint& c : other.constraints)
        if (c.type == 'f' && c.ref_table == rel->name) std::replace(c.ref_columns.begin(), c.ref_columns.end(), from, to);
      if (other.sequence.owned_by && other.sequence.owned_by->first == rel->name && other.sequence.owned_by->second == from)
        other.sequence.owned_by->second = to;
    }
    std::string_view owner_type = relation_identity_type(rel->kind);
    if (auto node = ctx.catalog.comments.extract(column_key(owner_type, rel->name, from))) {
      node.key() = column_key(owner_type, rel->name, to);
      ctx.catalog.comments.insert(std::move(node));
    }
    ctx.reference(column_ref(rel->name, from), Access::Drop);
    ctx.reference(column_ref(rel->name, to), Access::Create);
    touch(ctx, *rel);
  }
}

}  // namespace migc
