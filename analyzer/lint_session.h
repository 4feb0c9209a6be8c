// What migc lint follows through one migration as its runner sends it: the transaction each
// statement runs in (the runner's, PostgreSQL's implicit one, an explicit BEGIN), the locks and
// enum values that transaction has accumulated, and the session settings set so far.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/rules/rule.h"

namespace migc {

class MigrationSession {
 public:
  // `assume_in_transaction`: nullopt follows each block's TxMode; `settings` are what the runner
  // sets before the migration.
  MigrationSession(const Migration& migration, const std::vector<ParsedStatement>& statements,
                   std::optional<bool> assume_in_transaction, const std::map<std::string, std::string>& settings);

  // Before top-level statement `index`: a block starts or ends, an autocommit statement's
  // transaction ends.
  void enter(uint32_t index);
  // After the rules saw the statement of `ctx` (top level or nested): its locks, enum values,
  // transaction control and settings.
  void after(const RuleContext& ctx);

  const TransactionState& tx() const { return tx_; }
  const Session& settings() const { return settings_; }
  uint64_t transaction_serial() const { return serial_; }  // changes whenever a transaction ends

 private:
  TxMode mode_of(uint32_t block) const;
  void start_block(uint32_t block);
  void end_transaction(TxOrigin next);

  const Migration& migration_;
  const std::vector<ParsedStatement>& statements_;
  std::optional<bool> assume_;
  TransactionState tx_;
  Session settings_;
  std::optional<uint32_t> block_;
  bool statement_transaction_ = false;  // an autocommit statement's own transaction (its DO body)
  uint64_t serial_ = 0;
};

}  // namespace migc
