#include "compiler/tx_layout.h"

#include <algorithm>

namespace migc {

TxLayout tx_layout(const Block& block, const std::vector<const ParsedStatement*>& parsed) {
  bool own = std::any_of(parsed.begin(), parsed.end(), [](const ParsedStatement* p) {
    return p->tx_control == TxControl::Begin || p->tx_control == TxControl::Commit ||
           p->tx_control == TxControl::Rollback;
  });
  if (own) return TxLayout::OwnTransaction;
  if (block.tx == TxMode::None) return TxLayout::Autocommit;
  // A single statement sent on its own is not in a transaction block (PostgreSQL's implicit
  // transaction only spans a multi-statement query).
  if (block.tx == TxMode::Implicit && parsed.size() <= 1) return TxLayout::Autocommit;
  if (parsed.empty()) return TxLayout::Autocommit;
  return TxLayout::Wrapped;
}

std::vector<std::vector<const ParsedStatement*>> statements_by_block(const std::vector<Block>& blocks,
                                                                      const std::vector<ParsedStatement>& parsed) {
  std::vector<std::vector<const ParsedStatement*>> out(blocks.size());
  for (const auto& p : parsed) out[p.block].push_back(&p);
  return out;
}

}  // namespace migc
