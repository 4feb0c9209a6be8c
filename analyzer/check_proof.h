// What a table's validated CHECK constraints and NOT NULL columns prove about every row, as
// PostgreSQL's predicate prover uses them to skip a full scan: SET NOT NULL (from 12) and ATTACH
// PARTITION. Only the usual shapes are understood (top-level AND of IS NOT NULL, comparisons
// with constants, IN lists, BETWEEN); anything else proves nothing, so the scan is reported.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/catalog.h"

namespace migc {

class CheckFacts {
 public:
  explicit CheckFacts(const Relation& table);

  bool proves_not_null(std::string_view column) const;
  // Whether every row already lies inside `bound` of a parent partitioned on `key` (plain
  // column names, see partition_key_columns).
  bool proves_bound(const std::vector<std::string>& key, const PgQuery__PartitionBoundSpec& bound) const;

  // A constant of a comparison: numbers are compared by value, other literals only for equality.
  struct Value {
    bool number = false;
    double num = 0;
    std::string text;
  };
  enum class Op { NotNull, Lt, Le, Eq, Ge, Gt, In };
  struct Fact {
    std::string column;
    Op op = Op::NotNull;
    std::vector<Value> values;
  };

 private:
  std::vector<Fact> facts_;
};

// The columns of a partition key as the catalog stores it ("RANGE (created_at)" -> created_at);
// empty when a part is an expression or carries an opclass or collation.
std::vector<std::string> partition_key_columns(std::string_view partition_key);

}  // namespace migc
