// opaque-dynamic-sql: SQL the lint cannot see. The statements of a DO block are linted like any
// other, but EXECUTE of computed text, and bodies that do not parse, are opaque; DDL in a
// function body runs whenever the function is called, not where the migration creates it. Both
// come from the model's replay of the statement: its notes say what it could not analyse, its
// deferred references what DDL the function bodies hold.
#include "analyzer/replay.h"
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// The replay's notes on what it could not analyse (it also notes, e.g., temporary tables).
std::string first_opaque_part(const StatementAnalysis& body) {
  for (const std::string& note : body.notes)
    if (note.starts_with("cannot analyse") || note.find("not analysed") != std::string::npos) return note;
  return "";
}

// The first DDL of a function body: a deferred create, alter or drop of anything but the
// function itself (`function` is empty for a DO block, whose own statements are not deferred).
std::string first_ddl(const StatementAnalysis& body, const std::optional<ObjectRef>& function, const Catalog& catalog) {
  for (const Reference& ref : body.references)
    if (ref.deferred && ref.object != function &&
        (ref.access == Access::Create || ref.access == Access::Alter || ref.access == Access::Drop))
      return std::string(access_name(ref.access)) + " " + ref.object.describe(catalog);
  return "";
}

void check(RuleContext& ctx) {
  bool is_do = ctx.node->node_case == PG_QUERY__NODE__NODE_DO_STMT;
  if (!is_do && ctx.node->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) return;
  std::string help = "write the statements out in the migration, or add -- migc:ignore opaque-dynamic-sql with the "
                     "reason once the hidden SQL has been reviewed";
  if (std::string opaque = first_opaque_part(*ctx.analysis); !opaque.empty()) {
    ctx.report("the lint cannot see all of this " + std::string(is_do ? "DO block" : "function") +
                   ", so its locks and rewrites are not checked: " + opaque,
               help);
    return;
  }
  std::optional<ObjectRef> function;
  if (!is_do) {
    const PgQuery__CreateFunctionStmt& stmt = *ctx.node->create_function_stmt;
    function = function_ref(list_name(string_list(stmt.funcname, stmt.n_funcname), ctx.model->default_schema()));
  }
  std::string ddl = first_ddl(*ctx.analysis, function, ctx.model->catalog);
  if (ddl.empty()) return;
  ctx.report(is_do ? "the DO block creates a function whose body runs DDL (" + ddl +
                         ") whenever it is called, not here, so its locks and rewrites are not checked"
                   : "the function body runs DDL (" + ddl +
                         ") whenever it is called, not here, so its locks and rewrites are not checked",
             help);
}

}  // namespace

Rule opaque_dynamic_sql() {
  return {.id = "opaque-dynamic-sql",
          .severity = LintSeverity::Warning,
          .after_change = true,
          .summary = "DDL hidden in dynamic SQL or a function body, which the lint cannot check",
          .check = check};
}

}  // namespace migc::rules
