// How a block is laid out in the compiled script, given how its runner sends it and what its
// statements are. One decision shared by the emitters and the warnings.
#pragma once
#include <vector>

#include "compiler/ir.h"
#include "compiler/parser.h"

namespace migc {

enum class TxLayout {
  Autocommit,        // statements run one by one, no BEGIN (TxMode::None, or one statement sent alone)
  OwnTransaction,    // the body has its own BEGIN/COMMIT: emitted verbatim, never nested
  Wrapped,           // BEGIN … COMMIT around the block; non-transactional statements run between
};

// `parsed` are the statements of this block only.
TxLayout tx_layout(const Block& block, const std::vector<const ParsedStatement*>& parsed);

// The parsed statements of each block of a migration part, by block index.
std::vector<std::vector<const ParsedStatement*>> statements_by_block(const std::vector<Block>& blocks,
                                                                      const std::vector<ParsedStatement>& parsed);

}  // namespace migc
