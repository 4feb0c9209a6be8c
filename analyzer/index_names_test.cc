#include "analyzer/index_names.h"

#include <catch2/catch.hpp>

#include "analyzer/stored_expressions.h"

using namespace migc;

namespace {

// FigureColname of an expression written as an index key.
std::optional<std::string> figured(const std::string& key) {
  ParsedIndexKeys parsed({key});
  REQUIRE(parsed.elems().size() == 1);
  return figure_column_name(parsed.elems()[0]->expr);
}

Relation table_with_constraint(const QualifiedName& name, const std::string& constraint) {
  Relation rel;
  rel.name = name;
  rel.constraints.push_back(Constraint{.name = constraint});
  return rel;
}

}  // namespace

TEST_CASE("figure_column_name: the names PostgreSQL gives expressions", "[replay-relations][index-names]") {
  CHECK(figured("lower(email)") == "lower");
  CHECK(figured("(a::text)") == "a");               // a cast keeps the column's name
  CHECK(figured("('x'::text)") == "text");          // …or falls back to the type's
  CHECK(figured("(1::int)") == "int4");
  CHECK(figured("(a + b)") == std::nullopt);        // operators have no name: "expr"
  CHECK(figured("coalesce(a, b)") == "coalesce");
  CHECK(figured("greatest(a, b)") == "greatest");
  CHECK(figured("(CASE WHEN a > 0 THEN 1 END)") == "case");
  CHECK(figured("(CASE WHEN a > 0 THEN 1 ELSE b END)") == "b");
  CHECK(figured("(t.col)") == "col");
  CHECK(figured("(ARRAY[a, b])") == "array");
  CHECK(figured("(ROW(a, b))") == "row");
  CHECK(figured("(nullif(a, b))") == "nullif");
  CHECK(figured("(current_date)") == "current_date");
  CHECK(figured("(a COLLATE \"C\")") == "a");
  CHECK(figured("(data->>'key')") == std::nullopt);
}

TEST_CASE("index_column_names: columns, figured names, expr, then distinct suffixes", "[replay-relations][index-names]") {
  CHECK(index_column_names({"a", "b"}, {}) == std::vector<std::string>{"a", "b"});
  CHECK(index_column_names({"a", "a"}, {}) == std::vector<std::string>{"a", "a1"});
  CHECK(index_column_names({"(a + 1)", "(b + 1)", "(c * 2)"}, {}) == std::vector<std::string>{"expr", "expr1", "expr2"});
  CHECK(index_column_names({"lower(email)"}, {"id"}) == std::vector<std::string>{"lower", "id"});
  CHECK(index_column_names({"\"Mixed Case\" DESC"}, {}) == std::vector<std::string>{"Mixed Case"});
  // A suffixed name still fits in 63 bytes: the base is clipped first.
  std::string long_name(63, 'x');
  auto names = index_column_names({long_name, long_name}, {});
  CHECK(names[1] == std::string(62, 'x') + "1");
}

TEST_CASE("name_addition joins names with _ until it passes 63 bytes", "[replay-relations][index-names]") {
  CHECK(name_addition({"a", "b", "c"}) == "a_b_c");
  CHECK(name_addition({}).empty());
  std::string thirty(30, 'x');
  // Stops after the name that crosses NAMEDATALEN; the rest is left out.
  CHECK(name_addition({thirty, thirty, thirty, "tail"}) == thirty + "_" + thirty + "_" + thirty);
}

TEST_CASE("choose_index_name: labels by role, suffixes past relations and constraints", "[replay-relations][index-names]") {
  Catalog catalog;
  QualifiedName t{"public", "t"};
  CHECK(choose_index_name(catalog, t, {"a", "b"}, {}, IndexRole::Plain) == "t_a_b_idx");
  CHECK(choose_index_name(catalog, t, {"a"}, {}, IndexRole::Primary) == "t_pkey");
  CHECK(choose_index_name(catalog, t, {"a"}, {"b"}, IndexRole::Unique) == "t_a_b_key");
  CHECK(choose_index_name(catalog, t, {"tsrange(lo, hi)"}, {}, IndexRole::Exclusion) == "t_tsrange_excl");

  catalog.relations[{"public", "t_a_idx"}].name = {"public", "t_a_idx"};
  catalog.relations[{"public", "t_a_idx1"}].name = {"public", "t_a_idx1"};
  CHECK(choose_index_name(catalog, t, {"a"}, {}, IndexRole::Plain) == "t_a_idx2");
  // A constraint of any table of the schema blocks constraint-index names only.
  catalog.relations[{"public", "other"}] = table_with_constraint({"public", "other"}, "t_a_key");
  CHECK(choose_index_name(catalog, t, {"a"}, {}, IndexRole::Unique) == "t_a_key1");
  catalog.relations[{"public", "other"}] = table_with_constraint({"public", "other"}, "t_b_idx");
  CHECK(choose_index_name(catalog, t, {"b"}, {}, IndexRole::Plain) == "t_b_idx");
  // Other schemas do not matter.
  catalog.relations[{"app", "t_pkey"}].name = {"app", "t_pkey"};
  CHECK(choose_index_name(catalog, t, {"a"}, {}, IndexRole::Primary) == "t_pkey");
}
