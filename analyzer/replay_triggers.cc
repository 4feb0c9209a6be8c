// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER, DROP TRIGGER, ALTER TRIGGER … RENAME.
#include "analyzer/deparse.h"
#include "analyzer/references.h"
#include "analyzer/replay_objects.h"
#include "analyzer/table_members.h"

namespace migc {

namespace {

// pg_trigger.tgtype bits, as CreateTrigStmt carries them.
constexpr int32_t kBefore = 1 << 1, kInstead = 1 << 6;
constexpr int32_t kInsert = 1 << 2, kDelete = 1 << 3, kUpdate = 1 << 4, kTruncate = 1 << 5;

// In pg_get_triggerdef()'s order: INSERT, DELETE, UPDATE [OF …], TRUNCATE.
std::vector<std::string> trigger_events(const PgQuery__CreateTrigStmt* stmt) {
  std::vector<std::string> events;
  if (stmt->events & kInsert) events.emplace_back("INSERT");
  if (stmt->events & kDelete) events.emplace_back("DELETE");
  if (stmt->events & kUpdate) {
    std::string update = "UPDATE";
    std::vector<std::string> columns = string_list(stmt->columns, stmt->n_columns);
    for (size_t i = 0; i < columns.size(); ++i) update += (i ? ", " : " OF ") + quote_ident(columns[i]);
    events.push_back(update);
  }
  if (stmt->events & kTruncate) events.emplace_back("TRUNCATE");
  return events;
}

}  // namespace

void replay_create_trigger(const PgQuery__CreateTrigStmt* stmt, ReplayContext& ctx) {
  QualifiedName table = ctx.resolve_relation(stmt->relation);
  Trigger t;
  t.name = stmt->trigname;
  t.timing = stmt->timing & kInstead ? "INSTEAD OF" : stmt->timing & kBefore ? "BEFORE" : "AFTER";
  t.events = trigger_events(stmt);
  t.for_each_row = stmt->row;
  t.function = ctx.resolve_function(string_list(stmt->funcname, stmt->n_funcname));
  ctx.reference(function_ref(t.function), Access::Read);
  for (const auto& column : string_list(stmt->columns, stmt->n_columns))
    ctx.reference(column_ref(table, column), Access::Read);
  if (stmt->when_clause) {
    collect_reads_on(stmt->when_clause, table, ctx);
    t.when = deparse_expression(stmt->when_clause);
  }
  define_member(kTriggers, table, std::move(t), stmt->replace, ctx);
}

void drop_trigger(const DropTarget& target, ReplayContext& ctx) {
  auto [table, name] = member_target(target.object, ctx);
  drop_member(kTriggers, table, name, ctx);
}

void rename_trigger(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  rename_member(kTriggers, ctx.resolve_relation(stmt->relation), stmt->subname, stmt->newname, ctx);
}

}  // namespace migc
