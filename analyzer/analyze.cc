#include "analyzer/analyze.h"

namespace migc {

Analysis replay_plan(const MigrationSet& set, const ParsedSet& parsed, const Plan& plan,
                     const AnalyzeOptions& options) {
  Analysis a;
  a.statements.resize(set.migrations.size());
  Session session;  // deploy.sql runs every migration in one psql session
  for (uint32_t m : plan.order) {
    const auto& stmts = parsed.migrations[m].up;
    auto& out = a.statements[m];
    out.resize(stmts.size());
    for (size_t i = 0; i < stmts.size(); ++i) {
      ReplayContext ctx{a.catalog, session, out[i], m, options.pg_version_num, true, &options.applied,
                        options.observer, static_cast<uint32_t>(i)};
      replay_statement(stmts[i].node, ctx);
      // The runner's own transaction around a block ends with its last statement: SET LOCAL
      // values end with it.
      bool block_ends = i + 1 == stmts.size() || stmts[i + 1].block != stmts[i].block;
      if (block_ends && !session.in_transaction) session.local_settings.clear();
    }
  }
  return a;
}

}  // namespace migc
