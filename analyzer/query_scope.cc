#include "analyzer/query_scope.h"

#include <algorithm>
#include <array>

#include "analyzer/node_text.h"

namespace migc {

namespace {

using Match = ColumnLookup::Match;

bool alias_names(const PgQuery__Alias* alias, size_t position, std::string_view name) {
  return alias && position < alias->n_colnames && string_node(alias->colnames[position]) == name;
}

}  // namespace

void QueryScopes::push_level(bool sees_enclosing_items) {
  Level level;
  level.begin = items_.size();
  level.enclosing_visible = sees_enclosing_items ? items_.size() : (levels_.empty() ? 0 : levels_.back().begin);
  levels_.push_back(level);
}

void QueryScopes::pop_level() {
  items_.resize(levels_.back().begin);
  levels_.pop_back();
}

void QueryScopes::set_with(const PgQuery__WithClause* with, size_t visible) {
  levels_.back().with = with;
  levels_.back().visible_ctes = visible;
}

void QueryScopes::set_visible_ctes(size_t visible) { levels_.back().visible_ctes = visible; }

const PgQuery__CommonTableExpr* QueryScopes::find_cte(std::string_view name) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    const Level& level = levels_[l];
    for (size_t i = 0; level.with && i < level.visible_ctes; ++i) {
      const PgQuery__Node* cte = level.with->ctes[i];
      if (cte->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR && name == cte->common_table_expr->ctename)
        return cte->common_table_expr;
    }
  }
  return nullptr;
}

size_t QueryScopes::level_end(size_t index) const {
  return index + 1 < levels_.size() ? levels_[index + 1].enclosing_visible : items_.size();
}

ColumnLookup QueryScopes::lookup(const RangeItem& item, std::string_view name) const {
  switch (item.kind) {
    case RangeItem::Kind::Relation: {
      if (!item.relation) break;  // not modelled: like a function, only its aliases are known
      const auto& columns = item.relation->columns;
      bool views_unknown = columns.empty() && (item.relation->kind == RelKind::View ||
                                               item.relation->kind == RelKind::MaterializedView);
      size_t renamed = item.alias ? item.alias->n_colnames : 0;
      for (size_t i = 0; i < renamed; ++i)
        if (alias_names(item.alias, i, name))
          return i < columns.size() ? ColumnLookup{Match::Catalog, item.relation, columns[i].name}
                                    : ColumnLookup{Match::Derived};
      for (size_t i = renamed; i < columns.size(); ++i)
        if (columns[i].name == name) return {Match::Catalog, item.relation, columns[i].name};
      return {views_unknown ? Match::Maybe : Match::None};
    }
    case RangeItem::Kind::Query:
      if (!item.columns) break;
      return {std::find(item.columns->begin(), item.columns->end(), name) != item.columns->end() ? Match::Derived
                                                                                                   : Match::None};
    case RangeItem::Kind::Join:
      if (item.alias && item.alias->n_colnames) return {Match::Maybe};
      return find_among(item.join_begin, item.join_end, name);
    case RangeItem::Kind::Opaque: break;
  }
  for (size_t i = 0; item.alias && i < item.alias->n_colnames; ++i)
    if (alias_names(item.alias, i, name)) return {Match::Derived};
  return {Match::Maybe};
}

ColumnLookup QueryScopes::find_among(size_t begin, size_t end, std::string_view name) const {
  // PostgreSQL reports a name two items have as ambiguous, so in valid SQL a catalog column
  // found at this level is the one, even when another item's columns are unknown.
  ColumnLookup best;
  for (size_t i = begin; i < end; ++i) {
    if (items_[i].kind == RangeItem::Kind::Join) continue;  // its members are items themselves
    ColumnLookup found = lookup(items_[i], name);
    if (found.match == Match::Catalog) return found;
    if (found.match > best.match) best = found;
  }
  return best;
}

ColumnLookup QueryScopes::unqualified(std::string_view name) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    if (levels_[l].opaque) return {};
    ColumnLookup found = find_among(levels_[l].begin, level_end(l), name);
    if (found.match != Match::None) return found;
  }
  return {};
}

const RangeItem* QueryScopes::find_item(std::string_view refname, std::string_view schema) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    if (levels_[l].opaque) return nullptr;
    for (size_t i = levels_[l].begin, end = level_end(l); i < end; ++i) {
      const RangeItem& item = items_[i];
      if (!item.qualifiable || item.refname != refname) continue;
      if (schema.empty()) return &item;
      // schema.table.column names a relation that has no alias
      if (item.kind == RangeItem::Kind::Relation && !item.alias && (item.schema.empty() || item.schema == schema))
        return &item;
    }
  }
  return nullptr;
}

ColumnLookup QueryScopes::resolve(const PgQuery__ColumnRef* ref) const {
  size_t n = ref->n_fields;
  if (n == 0 || ref->fields[n - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) return {};  // * reads nothing more
  std::array<std::string_view, 4> f{};
  for (size_t i = 0; i < n && i < f.size(); ++i) f[i] = string_node(ref->fields[i]);
  auto in_item = [&](const RangeItem* item, std::string_view column) {
    return item ? lookup(*item, column) : ColumnLookup{};
  };
  // PostgreSQL's order: a.b is table.column, else column.field; a.b.c is schema.table.column,
  // else table.column.field; a.b.c.d is catalog.schema.table.column, else schema.table.column.field.
  switch (n) {
    case 1: return unqualified(f[0]);
    case 2:
      if (const RangeItem* item = find_item(f[0], {})) return in_item(item, f[1]);
      return unqualified(f[0]);
    case 3:
      if (const RangeItem* item = find_item(f[1], f[0])) return in_item(item, f[2]);
      if (const RangeItem* item = find_item(f[0], {})) return in_item(item, f[1]);
      return {};
    case 4:
      if (const RangeItem* item = find_item(f[2], f[1])) return in_item(item, f[3]);
      if (const RangeItem* item = find_item(f[1], f[0])) return in_item(item, f[2]);
      return {};
    default: return {};
  }
}

}  // namespace migc
