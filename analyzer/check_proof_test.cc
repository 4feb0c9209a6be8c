#include "analyzer/check_proof.h"

#include <catch2/catch.hpp>

#include "analyzer/sql_tree.h"

using migc::CheckFacts;
using migc::Constraint;
using migc::partition_key_columns;
using migc::Relation;
using migc::SqlTree;

namespace {

Relation table_with(const std::vector<std::pair<std::string, bool>>& checks, bool k_not_null = false) {
  Relation r;
  migc::Column k;
  k.name = std::string("k");
  k.not_null = k_not_null;
  r.columns.push_back(k);
  for (const auto& [expression, validated] : checks) {
    Constraint c;
    c.type = 'c';
    c.expression = expression;
    c.validated = validated;
    r.constraints.push_back(c);
  }
  return r;
}

// Whether the table's facts prove the bound of `ALTER TABLE p ATTACH PARTITION x <bound>`.
bool proves(const Relation& r, const std::string& bound) {
  SqlTree tree("ALTER TABLE p ATTACH PARTITION x " + bound);
  REQUIRE(tree.size() == 1);
  const PgQuery__AlterTableCmd* cmd = tree.statement(0)->alter_table_stmt->cmds[0]->alter_table_cmd;
  return CheckFacts(r).proves_bound({"k"}, *cmd->def->partition_cmd->bound);
}

}  // namespace

TEST_CASE("a validated CHECK proves NOT NULL only through IS NOT NULL", "[hazards][check_proof]") {
  CHECK(CheckFacts(table_with({{"k IS NOT NULL", true}})).proves_not_null("k"));
  CHECK(CheckFacts(table_with({{"(k IS NOT NULL) AND (k > 0)", true}})).proves_not_null("k"));
  CHECK(CheckFacts(table_with({}, true)).proves_not_null("k"));
  // Measured: NOT VALID proves nothing; k > 0 passes on NULL; an OR proves nothing.
  CHECK_FALSE(CheckFacts(table_with({{"k IS NOT NULL", false}})).proves_not_null("k"));
  CHECK_FALSE(CheckFacts(table_with({{"k > 0", true}})).proves_not_null("k"));
  CHECK_FALSE(CheckFacts(table_with({{"k IS NOT NULL OR k > 0", true}})).proves_not_null("k"));
  CHECK_FALSE(CheckFacts(table_with({{"other IS NOT NULL", true}})).proves_not_null("k"));
}

TEST_CASE("CHECKs that prove a range partition bound", "[hazards][check_proof]") {
  // Each case as measured with ATTACH PARTITION on PostgreSQL 15.
  CHECK(proves(table_with({{"k >= 0 AND k < 10", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK(proves(table_with({{"k IS NOT NULL AND k >= 0 AND k < 10", true}}), "FOR VALUES FROM (0) TO (10)"));
  CHECK(proves(table_with({{"k >= 2 AND k < 8", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK(proves(table_with({{"k < 10", true}}, true), "FOR VALUES FROM (MINVALUE) TO (10)"));
  CHECK(proves(table_with({{"k >= 0", true}, {"k < 10", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK(proves(table_with({{"k >= '2024-01-01'::date AND k < '2024-02-01'", true}}, true),
               "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')"));
  CHECK(proves(table_with({{"k BETWEEN 0 AND 9", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK(proves(table_with({{"k >= -10 AND k < -2.5", true}}, true), "FOR VALUES FROM (-10) TO (-2)"));

  CHECK_FALSE(proves(table_with({{"k >= 0 AND k < 10", true}}), "FOR VALUES FROM (0) TO (10)"));  // k may be NULL
  CHECK_FALSE(proves(table_with({{"k >= -10 AND k < 10", true}}, true), "FOR VALUES FROM (-5) TO (10)"));
  CHECK_FALSE(proves(table_with({{"k >= 0", false}, {"k < 10", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK_FALSE(proves(table_with({{"k >= 0 AND k <= 10", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK_FALSE(proves(table_with({{"k >= 0 AND k < 11", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK_FALSE(proves(table_with({{"k >= 0", true}}, true), "FOR VALUES FROM (0) TO (10)"));
  CHECK_FALSE(proves(table_with({{"k > '2024-01-01' AND k < '2024-03-01'", true}}, true),
                     "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')"));  // only equal texts compare
  CHECK_FALSE(proves(table_with({{"k >= 0 AND k < 10", true}}, true), "DEFAULT"));
}

TEST_CASE("CHECKs that prove a list partition bound", "[hazards][check_proof]") {
  CHECK(proves(table_with({{"k IN (5, 6)", true}}, true), "FOR VALUES IN (5, 6)"));
  CHECK(proves(table_with({{"k IN (5, 6)", true}}, true), "FOR VALUES IN (5, 6, 7)"));
  CHECK(proves(table_with({{"k = 'eu'", true}}, true), "FOR VALUES IN ('eu', 'us')"));
  CHECK(proves(table_with({{"k IN (5, 6)", true}}), "FOR VALUES IN (5, 6, NULL)"));
  CHECK_FALSE(proves(table_with({{"k IN (5, 6)", true}}), "FOR VALUES IN (5, 6)"));  // k may be NULL
  CHECK_FALSE(proves(table_with({{"k IN (5, 8)", true}}, true), "FOR VALUES IN (5, 6)"));
  CHECK_FALSE(proves(table_with({}, true), "FOR VALUES WITH (modulus 2, remainder 0)"));
}

TEST_CASE("partition keys of plain columns", "[hazards][check_proof]") {
  CHECK(partition_key_columns("RANGE (created_at)") == std::vector<std::string>{"created_at"});
  CHECK(partition_key_columns("LIST (region, \"Kind\")") == std::vector<std::string>{"region", "Kind"});
  CHECK(partition_key_columns("LIST (lower(region))").empty());
  CHECK(partition_key_columns("RANGE (k COLLATE \"C\")").empty());
  CHECK(partition_key_columns("").empty());
}
