// The transaction structure of one migration part exactly as deploy.sql lays it out
// (compiler/tx_layout.h), as steps to execute one by one on a connection: a block its runner
// wraps runs inside BEGIN … COMMIT, except statements that cannot run in a transaction block,
// which run on their own between the transaction before and after them; a body with its own
// BEGIN/COMMIT runs verbatim; an autocommit block runs statement by statement.
#pragma once
#include <vector>

#include "compiler/ir.h"
#include "compiler/parser.h"

namespace migc {

struct ApplyStep {
  enum class Kind { Begin, Commit, Statement };
  Kind kind = Kind::Statement;
  const ParsedStatement* statement = nullptr;  // Kind::Statement
};

// `parsed` are the statements of the part (ParsedMigration::up or ::down).
std::vector<ApplyStep> apply_steps(const std::vector<Block>& blocks, const std::vector<ParsedStatement>& parsed);

}  // namespace migc
