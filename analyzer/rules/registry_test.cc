#include <catch2/catch.hpp>

#include "analyzer/rules/rule.h"
#include "analyzer/rules/rule_docs.h"

TEST_CASE("registry: ids are unique and sorted, each rule has a page and each page a rule", "[rules]") {
  const auto& rules = migc::all_rules();
  REQUIRE(rules.size() > 8);
  for (size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].id < rules[i].id);
  for (const auto& r : rules) {
    INFO(r.id);
    CHECK(!r.summary.empty());
    auto page = migc::rule_doc(r.id);
    REQUIRE(page);
    CHECK(page->starts_with("# " + std::string(r.id) + "\n"));
    for (const char* section : {"## What it flags", "## Why", "## Lock", "## Safe recipe"})
      CHECK(page->find(section) != std::string_view::npos);
    for (auto alias : r.aliases) CHECK(migc::rules_named(alias).size() >= 1);
  }
  for (const auto& doc : migc::rule_docs()) {
    INFO(doc.id);
    CHECK(migc::rules_named(doc.id).size() == 1);
  }
}
