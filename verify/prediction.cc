#include "verify/prediction.h"

#include "analyzer/sql_tree.h"
#include "emit/schema_json.h"
#include "verify/schema_diff.h"

namespace migc {

nlohmann::json predicted_schema(const Compilation& c, const AnalyzeOptions& options,
                                const std::vector<std::string>& setup) {
  if (setup.empty()) return without_defaults(schema_to_json(c.analysis.catalog));
  std::vector<SqlTree> trees;
  trees.reserve(setup.size());
  MigrationSet set;
  set.migrations = c.set.migrations;
  uint32_t first = static_cast<uint32_t>(set.migrations.size());
  set.migrations.emplace_back().id = "--setup";
  ParsedSet parsed{c.parsed.migrations, c.parsed.trees};
  ParsedMigration& setup_part = parsed.migrations.emplace_back();
  for (const auto& sql : setup) {
    // Each statement is its own block: the setup runs in autocommit, so SET LOCAL ends with it.
    // One libpg_query cannot parse (a newer server's syntax) adds nothing.
    auto block = static_cast<uint32_t>(trees.size());
    const SqlTree& tree = trees.emplace_back(sql);
    for (size_t i = 0; i < tree.size(); ++i) {
      ParsedStatement& p = setup_part.up.emplace_back();
      p.block = block;
      p.node = tree.statement(i);
    }
  }
  Plan plan = c.plan;
  plan.order.insert(plan.order.begin(), first);
  AnalyzeOptions with_setup = options;
  if (!with_setup.applied.empty()) with_setup.applied.resize(set.migrations.size(), false);
  Catalog catalog = replay_plan(set, parsed, plan, with_setup).catalog;
  catalog.drop_temporary_relations();  // as compile() does: what the snapshot sees has none
  return without_defaults(schema_to_json(catalog));
}

}  // namespace migc
