// The names PostgreSQL 15 gives unnamed indexes and the constraints named after their columns
// (ChooseIndexName, ChooseIndexColumnNames, ChooseIndexNameAddition, FigureColname), and the
// names it gives the columns of CREATE TABLE AS.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/catalog.h"

namespace migc {

// FigureColname: the name an expression gives its result column ("lower" for lower(email),
// "a" for a::text, "case" for CASE …), or nullopt where PostgreSQL says "?column?".
std::optional<std::string> figure_column_name(const PgQuery__Node* expr);

// ChooseIndexColumnNames: one name per index column (keys, then INCLUDE columns), each the
// column's name, the expression's figured name, or "expr", made distinct with 1, 2, … suffixes.
std::vector<std::string> index_column_names(const std::vector<std::string>& keys,
                                            const std::vector<std::string>& include);

// ChooseIndexNameAddition: the names joined with "_" (as long as that stays under 64 bytes).
std::string name_addition(const std::vector<std::string>& names);

enum class IndexRole { Plain, Primary, Unique, Exclusion };  // Unique: backs a UNIQUE constraint

// ChooseIndexName: <table>_pkey, <table>_<cols>_key, <table>_<cols>_excl or <table>_<cols>_idx,
// free among the schema's relations (and, for constraint indexes, its constraint names too).
std::string choose_index_name(const Catalog& catalog, const QualifiedName& table, const std::vector<std::string>& keys,
                              const std::vector<std::string>& include, IndexRole role);

}  // namespace migc
