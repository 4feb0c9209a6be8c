// Whole relations: creating one, finding what hangs off it, dropping it with its dependents,
// renaming or moving it.
#include <algorithm>

#include "analyzer/catalog_drop.h"
#include "analyzer/deparse.h"
#include "analyzer/relation_edits.h"
#include "analyzer/stored_expressions.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

bool is_index(const Relation& r) { return r.kind == RelKind::Index || r.kind == RelKind::PartitionedIndex; }

// The same comment key with `from` (a relation's display name) replaced by `to`, when the key
// is about that relation or one of its members: "table D", "table column D.c", "trigger t on D".
std::optional<std::string> comment_key_moved(const std::string& key, const std::string& from, const std::string& to) {
  if (key.ends_with(" " + from)) return key.substr(0, key.size() - from.size()) + to;
  if (auto at = key.find(" " + from + "."); at != std::string::npos && key.find(' ', at + 1) == std::string::npos)
    return key.substr(0, at + 1) + to + key.substr(at + 1 + from.size());
  return std::nullopt;
}

void forget_comments(Catalog& catalog, const QualifiedName& name) {
  std::string display = display_name(name);
  drop_comments(catalog, [&](std::string_view key) { return comment_key_moved(std::string(key), display, "").has_value(); });
}

void move_comments(Catalog& catalog, const QualifiedName& from, const QualifiedName& to) {
  std::string old_display = display_name(from), new_display = display_name(to);
  std::map<CommentKey, std::string> moved;
  for (auto it = catalog.comments.begin(); it != catalog.comments.end();) {
    if (auto key = comment_key_moved(it->first, old_display, new_display)) {
      moved.emplace(*key, it->second);
      it = catalog.comments.erase(it);
    } else {
      ++it;
    }
  }
  catalog.comments.merge(moved);
}

// Removes one relation from the catalog, with the comments on it.
void erase_relation(ReplayContext& ctx, const QualifiedName& name) {
  ctx.reference(relation_ref(name), Access::Drop);
  forget_comments(ctx.catalog, name);
  ctx.catalog.relations.erase(name);
}

// Whether a view's stored query names `target` (resolved through the current search_path).
bool view_reads(const ReplayContext& ctx, const Relation& view, const QualifiedName& target) {
  for (const QualifiedName& q : query_relations(view.query)) {
    QualifiedName resolved = q.schema.empty() ? ctx.resolve_relation(std::vector<std::string>{q.name}) : q;
    if (resolved == target) return true;
  }
  return false;
}

// The relation a nextval() argument names, resolved as a regclass literal is.
std::optional<QualifiedName> sequence_named(const ReplayContext& ctx, const std::string& argument) {
  auto q = regclass_name(argument);
  if (q && q->schema.empty()) return ctx.resolve_relation(std::vector<std::string>{q->name});
  return q;
}

bool calls_nextval_on(const ReplayContext& ctx, const std::string& expr, const QualifiedName& sequence) {
  if (!mentions(expr, "nextval")) return false;  // spares parsing every default of the catalog
  for (const auto& argument : nextval_arguments(expr))
    if (sequence_named(ctx, argument) == sequence) return true;
  return false;
}

void refused_without_cascade(ReplayContext& ctx, bool cascade, const QualifiedName& name, const std::string& what) {
  if (!cascade)
    ctx.note("PostgreSQL refuses to drop " + display_name(name) + " without CASCADE: " + what + " depends on it");
}

std::string datums_text(PgQuery__Node* const* datums, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    const PgQuery__Node* d = datums[i];
    std::string text = deparse_expression(d);
    if (d->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && text == "minvalue") text = "MINVALUE";
    if (d->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && text == "maxvalue") text = "MAXVALUE";
    out += (i ? ", " : "") + text;
  }
  return out;
}

}  // namespace

Relation& create_relation(ReplayContext& ctx, const QualifiedName& name, RelKind kind) {
  Relation& rel = ctx.catalog.relations[name];
  rel = Relation{};
  rel.name = name;
  rel.kind = kind;
  rel.provenance.created_by = ctx.migration;
  ctx.reference(relation_ref(name), Access::Create);
  ctx.reference(schema_ref(name.schema), Access::Read);
  return rel;
}

bool already_exists(ReplayContext& ctx, const QualifiedName& name, bool if_not_exists) {
  if (!ctx.catalog.relation(name)) return false;
  ctx.reference(relation_ref(name), if_not_exists ? Access::Read : Access::Create);
  ctx.note(display_name(name) + " already exists" +
           (if_not_exists ? ": IF NOT EXISTS makes this a no-op" : ": PostgreSQL refuses to create it again"));
  return true;
}

QualifiedName created_relation_name(const ReplayContext& ctx, const PgQuery__RangeVar* rv) {
  if (std::string_view(rv->relpersistence) == "t") return {std::string(kTemporarySchema), rv->relname};
  return range_var_name(rv, ctx.default_schema());
}

void touch(ReplayContext& ctx, Relation& rel) { rel.provenance.touch(ctx.migration); }

std::vector<Relation*> child_relations(Catalog& catalog, const QualifiedName& parent, bool partitions_only) {
  std::vector<Relation*> out;
  if (const Relation* p = catalog.relation(parent); p && !p->had_children) return out;
  for (auto& [name, rel] : catalog.relations) {
    bool partition = rel.partition_of && *rel.partition_of == parent;
    bool child = std::count(rel.inherits.begin(), rel.inherits.end(), parent) > 0;
    if (partition || (child && !partitions_only)) out.push_back(&rel);
  }
  return out;
}

std::vector<Relation*> with_descendants(Catalog& catalog, Relation& rel, bool recurse, bool partitions_only) {
  std::vector<Relation*> out{&rel};
  for (size_t i = 0; recurse && i < out.size(); ++i)
    for (Relation* child : child_relations(catalog, out[i]->name, partitions_only))
      if (std::find(out.begin(), out.end(), child) == out.end()) out.push_back(child);
  return out;
}

std::vector<Relation*> indexes_of(Catalog& catalog, const QualifiedName& table) {
  std::vector<Relation*> out;
  for (auto& [name, rel] : catalog.relations)
    if (is_index(rel) && rel.index.table == table) out.push_back(&rel);
  return out;
}

void set_options(std::map<std::string, std::string>& options, PgQuery__Node* const* items, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (items[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* d = items[i]->def_elem;
    if (d->defnamespace && *d->defnamespace) continue;  // toast.*: options of the TOAST table
    std::string value = "true";  // WITH (autovacuum_enabled) means true
    if (const PgQuery__Node* arg = d->arg) {
      switch (arg->node_case) {
        case PG_QUERY__NODE__NODE_STRING: value = arg->string->sval; break;
        case PG_QUERY__NODE__NODE_INTEGER: value = std::to_string(arg->integer->ival); break;
        case PG_QUERY__NODE__NODE_FLOAT: value = arg->float_->fval; break;
        case PG_QUERY__NODE__NODE_BOOLEAN: value = arg->boolean->boolval ? "true" : "false"; break;
        case PG_QUERY__NODE__NODE_TYPE_NAME: {
          auto names = string_list(arg->type_name->names, arg->type_name->n_names);
          value = names.empty() ? "" : names.back();
          break;
        }
        default: break;
      }
    }
    options[d->defname] = value;
  }
}

std::string partition_bound_text(const PgQuery__PartitionBoundSpec* b) {
  if (b->is_default) return "DEFAULT";
  std::string_view strategy = b->strategy;
  if (strategy == "l") return "FOR VALUES IN (" + datums_text(b->listdatums, b->n_listdatums) + ")";
  if (strategy == "h")
    return "FOR VALUES WITH (modulus " + std::to_string(b->modulus) + ", remainder " + std::to_string(b->remainder) + ")";
  return "FOR VALUES FROM (" + datums_text(b->lowerdatums, b->n_lowerdatums) + ") TO (" +
         datums_text(b->upperdatums, b->n_upperdatums) + ")";
}

void drop_relation(ReplayContext& ctx, const QualifiedName& name, bool cascade) {
  Relation* rel = ctx.catalog.relation(name);
  if (!rel) return;
  if (is_index(*rel)) {
    // A partitioned index takes the partitions' indexes attached to it (matched by definition).
    for (Relation* child : child_relations(ctx.catalog, rel->index.table, true))
      for (Relation* index : indexes_of(ctx.catalog, child->name))
        if (index->index.keys == rel->index.keys && index->index.predicate == rel->index.predicate &&
            index->index.unique == rel->index.unique && index->index.constraint.empty())
          drop_relation(ctx, QualifiedName(index->name), true);
    erase_relation(ctx, name);
    return;
  }
  for (Relation* child : child_relations(ctx.catalog, name, false)) {
    if (!child->partition_of) refused_without_cascade(ctx, cascade, name, "table " + display_name(child->name));
    drop_relation(ctx, QualifiedName(child->name), true);
  }
  for (Relation* index : indexes_of(ctx.catalog, name)) erase_relation(ctx, QualifiedName(index->name));
  for (Relation* seq : owned_sequences(ctx.catalog, name)) erase_relation(ctx, QualifiedName(seq->name));
  std::vector<QualifiedName> views;
  for (auto& [other_name, other] : ctx.catalog.relations) {
    if (other_name == name) continue;
    size_t before = other.constraints.size();
    std::erase_if(other.constraints, [&](const Constraint& c) {
      bool doomed = c.type == 'f' && c.ref_table == name;
      if (doomed) ctx.reference(constraint_ref(other_name, c.name), Access::Drop);
      return doomed;
    });
    if (other.constraints.size() != before) {
      refused_without_cascade(ctx, cascade, name, "a foreign key of " + display_name(other_name));
      touch(ctx, other);
    }
    if ((other.kind == RelKind::View || other.kind == RelKind::MaterializedView) && view_reads(ctx, other, name))
      views.push_back(other_name);
    if (rel->kind == RelKind::Sequence)
      for (Column& c : other.columns)
        if (c.default_expr && calls_nextval_on(ctx, *c.default_expr, name)) {
          refused_without_cascade(ctx, cascade, name, "the default of " + display_name(other_name) + "." + c.name);
          c.default_expr.reset();
          touch(ctx, other);
        }
  }
  for (const QualifiedName& view : views) {
    refused_without_cascade(ctx, cascade, name, "view " + display_name(view));
    drop_relation(ctx, view, true);
  }
  erase_relation(ctx, name);
}

void move_relation(ReplayContext& ctx, const QualifiedName& from, const QualifiedName& to) {
  auto node = ctx.catalog.relations.extract(from);
  if (!node) return;
  node.key() = to;
  node.mapped().name = to;
  touch(ctx, node.mapped());
  bool sequence = node.mapped().kind == RelKind::Sequence;
  ctx.catalog.relations.insert(std::move(node));
  ctx.reference(relation_ref(from), Access::Drop);
  ctx.reference(relation_ref(to), Access::Create);
  for (auto& [name, rel] : ctx.catalog.relations) {
    if (is_index(rel) && rel.index.table == from) rel.index.table = to;
    if (rel.sequence.owned_by && rel.sequence.owned_by->first == from) rel.sequence.owned_by->first = to;
    if (rel.partition_of && *rel.partition_of == from) rel.partition_of = to;
    std::replace(rel.inherits.begin(), rel.inherits.end(), from, to);
    for (Constraint& c : rel.constraints)
      if (c.type == 'f' && c.ref_table == from) c.ref_table = to;
    // A default's nextval() holds the sequence by OID in PostgreSQL, so it prints the new name.
    for (Column& c : rel.columns)
      if (sequence && c.default_expr && calls_nextval_on(ctx, *c.default_expr, from))
        c.default_expr = rewrite_nextval_arguments(*c.default_expr, [&](const std::string& argument) {
          return sequence_named(ctx, argument) == from ? display_name(to) : argument;
        });
  }
  move_comments(ctx.catalog, from, to);
}

}  // namespace migc
