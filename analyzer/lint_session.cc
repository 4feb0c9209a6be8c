#include "analyzer/lint_session.h"

#include "analyzer/node_walk.h"
#include "analyzer/session_settings.h"
#include "compiler/text_ranges.h"

namespace migc {

MigrationSession::MigrationSession(const Migration& migration, const std::vector<ParsedStatement>& statements,
                                   std::optional<bool> assume_in_transaction,
                                   const std::map<std::string, std::string>& settings)
    : migration_(migration), statements_(statements), assume_(assume_in_transaction) {
  for (const auto& [name, value] : settings) change_setting(settings_, name, value, false);
}

TxMode MigrationSession::mode_of(uint32_t block) const {
  if (assume_) return *assume_ ? TxMode::Transaction : TxMode::None;
  return migration_.up[block].tx;
}

// Ends the open transaction: its locks are released and SET LOCAL values end.
void MigrationSession::end_transaction(TxOrigin next) {
  tx_.origin = next;
  tx_.begun_by.reset();
  tx_.locks.clear();
  tx_.enum_values.clear();
  tx_.statements = 0;
  settings_.in_transaction = next != TxOrigin::None;
  settings_.local_settings.clear();
  ++serial_;
}

void MigrationSession::start_block(uint32_t block) {
  block_ = block;
  TxMode mode = mode_of(block);
  tx_.runner_wraps = mode == TxMode::Transaction;
  if (tx_.origin == TxOrigin::Explicit) return;  // a BEGIN of an earlier block is still open
  size_t count = 0;
  for (const auto& p : statements_) count += p.block == block;
  TxOrigin origin = mode == TxMode::Transaction                 ? TxOrigin::Runner
                    : mode == TxMode::Implicit && count > 1     ? TxOrigin::Implicit
                                                                : TxOrigin::None;
  tx_.origin = origin;
  settings_.in_transaction = origin != TxOrigin::None;
}

void MigrationSession::enter(uint32_t index) {
  if (statement_transaction_) {
    statement_transaction_ = false;
    end_transaction(TxOrigin::None);
  }
  uint32_t block = statements_[index].block;
  if (block_ && *block_ == block) return;
  // The runner commits its own transaction (and an explicit one it wraps) when its block ends.
  if (block_ && (tx_.origin == TxOrigin::Runner || tx_.origin == TxOrigin::Implicit || tx_.runner_wraps))
    end_transaction(TxOrigin::None);
  start_block(block);
}

void MigrationSession::after(const RuleContext& ctx) {
  const PgQuery__Node* stmt = ctx.node;
  if (!ctx.nested && tx_.origin == TxOrigin::None) {
    // An autocommit statement is a transaction of its own: a DO block's statements share it.
    statement_transaction_ = true;
    tx_.origin = TxOrigin::Implicit;
  }
  StatementPlace place = ctx.place();
  for (const Hazard& h : *ctx.hazards) {
    if (h.kind != HazardKind::Lock || !h.lock || !h.relation) continue;
    HeldLock* held = nullptr;
    for (auto& l : tx_.locks)
      if (l.relation == *h.relation) held = &l;
    if (!held) tx_.locks.push_back({*h.relation, *h.lock, ctx.is_new(h.age), place});
    else if (*h.lock > held->mode) *held = {*h.relation, *h.lock, ctx.is_new(h.age), place};
  }
  ++tx_.statements;
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const auto* e = stmt->alter_enum_stmt;
      if (e->new_val && *e->new_val && !(e->old_val && *e->old_val))
        tx_.enum_values.push_back(
            {ctx.model->resolve_type(string_list(e->type_name, e->n_type_name)), e->new_val, place});
      break;
    }
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT: {
      const auto* t = stmt->transaction_stmt;
      switch (tx_control_of(stmt)) {
        case TxControl::Begin:
          statement_transaction_ = false;
          if (tx_.origin != TxOrigin::Runner) tx_.origin = TxOrigin::Explicit;
          tx_.begun_by = place;
          settings_.in_transaction = true;
          break;
        case TxControl::Commit:
        case TxControl::Rollback: {
          statement_transaction_ = false;
          bool implicit = block_ && mode_of(*block_) == TxMode::Implicit;
          end_transaction(t->chain ? TxOrigin::Explicit : implicit ? TxOrigin::Implicit : TxOrigin::None);
          break;
        }
        default: break;
      }
      break;
    }
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: apply_variable_set(stmt->variable_set_stmt, settings_); break;
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
      if (stmt->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL) reset_all_settings(settings_);
      break;
    default: {
      const ParsedStatement& p = ctx.parsed();  // the DO block's text when nested
      if (!mentions(std::string_view(ctx.set->file(p.file).text()).substr(p.begin, p.end - p.begin), "set_config"))
        break;
      walk_nodes(stmt, [&](const PgQuery__Node* n) {
        if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && is_set_config(n->func_call))
          apply_set_config(n->func_call, settings_);
        return true;
      });
    }
  }
}

}  // namespace migc
