// opaque-dynamic-sql: SQL the lint cannot see. The statements of a DO block are linted like any
// other, but EXECUTE of computed text, and bodies that do not parse, are opaque; DDL in a
// function body runs whenever the function is called, not where the migration creates it. Both
// are found by replaying the body the way the model reads function bodies (changing nothing):
// its notes say what it could not analyse, its references what DDL it holds.
#include "analyzer/replay.h"
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// Replays `stmt` with nothing executed: a DO body or a function body is read, not run.
StatementAnalysis read_only_replay(const RuleContext& ctx) {
  StatementAnalysis analysis;
  Session session = ctx.model->session;
  ReplayContext read{ctx.model->catalog, session, analysis, ctx.migration, ctx.pg_version_num, false, ctx.model->applied};
  replay_statement(ctx.node, read);
  return analysis;
}

// The replay's notes on what it could not analyse (it also notes, e.g., temporary tables).
std::string first_opaque_part(const StatementAnalysis& body) {
  for (const std::string& note : body.notes)
    if (note.starts_with("cannot analyse") || note.find("not analysed") != std::string::npos) return note;
  return "";
}

// The first DDL of the body: a deferred create, alter or drop of anything but the function itself.
std::string first_ddl(const StatementAnalysis& body, const ObjectRef& function, const Catalog& catalog) {
  for (const Reference& ref : body.references)
    if (ref.deferred && ref.object != function &&
        (ref.access == Access::Create || ref.access == Access::Alter || ref.access == Access::Drop))
      return std::string(access_name(ref.access)) + " " + ref.object.describe(catalog);
  return "";
}

void check(RuleContext& ctx) {
  bool is_do = ctx.node->node_case == PG_QUERY__NODE__NODE_DO_STMT;
  if (!is_do && ctx.node->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) return;
  StatementAnalysis body = read_only_replay(ctx);
  std::string help = "write the statements out in the migration, or add -- migc:ignore opaque-dynamic-sql with the "
                     "reason once the hidden SQL has been reviewed";
  if (std::string opaque = first_opaque_part(body); !opaque.empty()) {
    ctx.report("the lint cannot see all of this " + std::string(is_do ? "DO block" : "function") +
                   ", so its locks and rewrites are not checked: " + opaque,
               help);
    return;
  }
  if (is_do) return;
  const PgQuery__CreateFunctionStmt& stmt = *ctx.node->create_function_stmt;
  ObjectRef function = function_ref(list_name(string_list(stmt.funcname, stmt.n_funcname), ctx.model->default_schema()));
  std::string ddl = first_ddl(body, function, ctx.model->catalog);
  if (!ddl.empty())
    ctx.report("the function body runs DDL (" + ddl +
                   ") whenever it is called, not here, so its locks and rewrites are not checked",
               help);
}

}  // namespace

Rule opaque_dynamic_sql() {
  return {.id = "opaque-dynamic-sql",
          .severity = LintSeverity::Warning,
          .summary = "DDL hidden in dynamic SQL or a function body, which the lint cannot check",
          .check = check};
}

}  // namespace migc::rules
