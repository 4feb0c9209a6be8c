// The FROM-clause scopes of a query, to resolve column references the way PostgreSQL's parser
// does: the innermost query level first, then the levels that contain it; at each level every
// visible FROM item (range table entry). Items and levels live on one stack, so a walk over a
// query allocates only when a level holds more items than any level before it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/catalog.h"

namespace migc {

// One FROM item.
struct RangeItem {
  enum class Kind {
    Relation,  // a relation by name; `relation` is null when the catalog does not model it
    Query,     // a sub-select, VALUES, a CTE, or RETURNING of a data-modifying CTE
    Opaque,    // a function in FROM, XMLTABLE: its columns are not known
    Join,      // an aliased JOIN: the alias names the items [join_begin, join_end)
  };
  Kind kind = Kind::Opaque;
  std::string_view refname;               // what qualifies its columns ("" = nothing)
  std::string_view schema;                // Relation without alias: for schema.table.column ("" = any)
  const Relation* relation = nullptr;
  // Query: its result column names after the column aliases (analyzer/output_columns.h);
  // nullopt when they are unknown, and then only the alias's column names are known.
  std::optional<std::vector<std::string>> columns;
  const PgQuery__Alias* alias = nullptr;  // FROM … AS alias(column names)
  size_t join_begin = 0, join_end = 0;    // Join
  bool qualifiable = true;                // false inside an aliased JOIN, whose alias hides it
};

// What a column name means in a FROM item or a scope.
struct ColumnLookup {
  enum class Match {
    None,     // not a column of it
    Maybe,    // perhaps: its columns are not known
    Derived,  // a column of a sub-select, CTE or function, not of the catalog
    Catalog,  // `column` of the catalog relation `relation`
  };
  Match match = Match::None;
  const Relation* relation = nullptr;
  std::string_view column;
};

class QueryScopes {
 public:
  // A new query level inside the current one. `sees_enclosing_items`: false for a sub-select in
  // FROM that is not LATERAL, which may not refer to the FROM items of its own level (only to
  // the levels outside it).
  void push_level(bool sees_enclosing_items = true);
  void pop_level();
  // From now on nothing resolves through the innermost level: the ORDER BY of a set operation
  // names only its result columns.
  void set_opaque() { levels_.back().opaque = true; }

  // FROM items of the innermost level, in FROM order.
  size_t item_count() const { return items_.size(); }
  void add_item(RangeItem item) { items_.push_back(std::move(item)); }
  RangeItem& item(size_t index) { return items_[index]; }

  // The WITH clause of the innermost level; the first `visible` CTEs can be referenced (a
  // non-recursive CTE sees only those before it).
  void set_with(const PgQuery__WithClause* with, size_t visible);
  void set_visible_ctes(size_t visible);
  // The CTE an unqualified name in FROM refers to, searching outward; null when none.
  const PgQuery__CommonTableExpr* find_cte(std::string_view name) const;

  // A column reference; only a Catalog match names a catalog column.
  ColumnLookup resolve(const PgQuery__ColumnRef* ref) const;
  // An unqualified column name among the items [begin, end) (JOIN … USING).
  ColumnLookup find_among(size_t begin, size_t end, std::string_view name) const;

 private:
  struct Level {
    size_t begin = 0;               // its first item
    size_t enclosing_visible = 0;   // items of the enclosing level visible from here: [.., this)
    bool opaque = false;
    const PgQuery__WithClause* with = nullptr;
    size_t visible_ctes = 0;
  };
  // Visible items of level `index`: [levels_[index].begin, end).
  size_t level_end(size_t index) const;
  ColumnLookup lookup(const RangeItem& item, std::string_view name) const;
  ColumnLookup unqualified(std::string_view name) const;
  // The nearest visible item named `refname` (and `schema`, when not empty); null when none or
  // when an opaque level stops the search.
  const RangeItem* find_item(std::string_view refname, std::string_view schema) const;

  std::vector<RangeItem> items_;
  std::vector<Level> levels_;
};

}  // namespace migc
