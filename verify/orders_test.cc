#include "verify/orders.h"

#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "verify/verify_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

// a; b and c depend on a; d depends on b. Three orders are valid: a b c d, a b d c, a c b d.
std::map<std::string, std::string> diamond() {
  return {{"a.sql", "CREATE TABLE a (x int);\n"},
          {"b.sql", "-- depends: a\nALTER TABLE a ADD COLUMN b int;\n"},
          {"c.sql", "-- depends: a\nALTER TABLE a ADD COLUMN c int;\n"},
          {"d.sql", "-- depends: b\nALTER TABLE a ADD COLUMN d int;\n"}};
}

bool respects_edges(const Plan& plan, const std::vector<uint32_t>& order) {
  for (const auto& e : plan.edges) {
    auto before = std::find(order.begin(), order.end(), e.before), after = std::find(order.begin(), order.end(), e.after);
    if (before >= after) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the source order puts dependencies first and breaks ties by the tool's own order", "[verify]") {
  TempDir dir;
  Compilation c = compile_files(dir, Format::Yoyo,
                                {{"1_views.sql", "-- depends: 2_tables\nCREATE VIEW v AS SELECT * FROM t;\n"},
                                 {"2_tables.sql", "CREATE TABLE t (x int);\n"},
                                 {"3_more.sql", "CREATE TABLE u (x int);\n"}});
  std::vector<std::string> ids;
  for (uint32_t m : source_order(c.set, c.plan)) ids.push_back(c.set.migrations[m].id);
  CHECK(ids == std::vector<std::string>{"2_tables", "1_views", "3_more"});
  CHECK(source_order(c.set, c.plan) == c.plan.order);
}

TEST_CASE("the source order leaves out the dependencies the analyzer inferred", "[verify]") {
  TempDir dir;
  // yoyo runs 1_view first and fails; migc infers that it needs 2_table.
  Compilation c = compile_files(dir, Format::Yoyo,
                                {{"1_view.sql", "CREATE VIEW v AS SELECT * FROM t;\n"},
                                 {"2_table.sql", "CREATE TABLE t (x int);\n"}});
  auto ids = [&](const std::vector<uint32_t>& order) {
    std::vector<std::string> out;
    for (uint32_t m : order) out.push_back(c.set.migrations[m].id);
    return out;
  };
  CHECK(ids(c.plan.order) == std::vector<std::string>{"2_table", "1_view"});
  CHECK(ids(source_order(c.set, c.plan)) == std::vector<std::string>{"1_view", "2_table"});
}

TEST_CASE("other orders are valid, distinct, not the compiled one, and repeat with the seed", "[verify]") {
  TempDir dir;
  Compilation c = compile_files(dir, Format::Yoyo, diamond());
  auto orders = other_orders(c.set, c.plan, 10, 7);
  CHECK(orders.size() == 2);  // only two orders besides a b c d exist
  std::set<std::vector<uint32_t>> distinct(orders.begin(), orders.end());
  CHECK(distinct.size() == orders.size());
  for (const auto& order : orders) {
    CHECK(order != c.plan.order);
    CHECK(order.size() == c.plan.order.size());
    CHECK(respects_edges(c.plan, order));
  }
  CHECK(other_orders(c.set, c.plan, 10, 7) == orders);
  CHECK(other_orders(c.set, c.plan, 1, 7).size() == 1);
}

TEST_CASE("a linear chain allows no other order", "[verify]") {
  TempDir dir;
  Compilation c = compile_files(dir, Format::Plain, {{"1.sql", "CREATE TABLE a (x int);\n"}, {"2.sql", "CREATE TABLE b (x int);\n"}});
  CHECK(other_orders(c.set, c.plan, 5, 1).empty());
}
