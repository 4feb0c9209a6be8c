// The names of a query's output columns, chosen as PostgreSQL chooses them when a view is
// created: aliases, else the column, function or type name the expression ends in
// (FigureColname), else "?column?"; `*` and `t.*` expanded from the catalog, CTEs and
// sub-selects; set operations named by their first branch, VALUES by column1, column2, ….
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace migc {

// nullopt when a `*` reaches something the model cannot list (an unknown relation, a
// function in FROM).
std::optional<std::vector<std::string>> output_column_names(const PgQuery__Node* query, const ReplayContext& ctx);

// `names` with its first entries replaced by `aliases` (a column alias list such as
// CREATE VIEW v (a, b)); the aliases alone when `names` is unknown.
std::vector<std::string> with_aliases(const std::optional<std::vector<std::string>>& names,
                                      const std::vector<std::string>& aliases);

}  // namespace migc
