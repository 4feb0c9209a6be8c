// For tests: a catalog built by hand and assess_hazards run on SQL against it, without the
// replay modules changing anything.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzer/replay.h"
#include "analyzer/sql_tree.h"

namespace migc::test {

struct HazardBench {
  Catalog catalog;
  Session session;
  uint32_t migration = 2;  // the migration being assessed; 0 and 1 came before it in the build
  int pg_version_num = 150000;
  std::vector<bool> applied = {true, false, false};  // migration 0 is history

  // A table (created by `created_by`: kExternal or 0 is live, 1 an earlier migration of the
  // build, 2 this one) with columns "name type" or "name type NOT NULL".
  Relation& table(const std::string& schema, const std::string& name, const std::vector<std::string>& columns,
                  uint32_t created_by = kExternal, RelKind kind = RelKind::Table) {
    Relation& r = catalog.relations[{schema, name}];
    r.name = {schema, name};
    r.kind = kind;
    r.provenance.created_by = created_by;
    for (const std::string& spec : columns) {
      Column c;
      size_t space = spec.find(' ');
      c.name = spec.substr(0, space);
      c.type = spec.substr(space + 1);
      if (c.type.ends_with(" NOT NULL")) {
        c.type.resize(c.type.size() - 9);
        c.not_null = true;
      }
      r.columns.push_back(c);
    }
    return r;
  }

  // The hazards of every statement of `sql`, in order, judged against the catalog as it is.
  std::vector<Hazard> assess(const std::string& sql) {
    SqlTree tree(sql);
    if (!tree.ok()) throw std::runtime_error("syntax error in test SQL: " + sql);
    std::vector<Hazard> all;
    for (size_t i = 0; i < tree.size(); ++i) {
      StatementAnalysis analysis;
      ReplayContext ctx{catalog, session, analysis, migration, pg_version_num, true, &applied};
      assess_hazards(tree.statement(i), ctx);
      all.insert(all.end(), analysis.hazards.begin(), analysis.hazards.end());
    }
    return all;
  }

  // hazard_text() of each hazard of `sql`.
  std::vector<std::string> texts(const std::string& sql) {
    std::vector<std::string> out;
    for (const Hazard& h : assess(sql)) out.push_back(hazard_text(h));
    return out;
  }
};

}  // namespace migc::test
