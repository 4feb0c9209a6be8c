#include "verify/apply_plan.h"

#include "compiler/tx_layout.h"

namespace migc {

std::vector<ApplyStep> apply_steps(const std::vector<Block>& blocks, const std::vector<ParsedStatement>& parsed) {
  std::vector<ApplyStep> steps;
  bool open = false;
  auto begin = [&] {
    if (!open) steps.push_back({ApplyStep::Kind::Begin});
    open = true;
  };
  auto commit = [&] {
    if (open) steps.push_back({ApplyStep::Kind::Commit});
    open = false;
  };
  auto by_block = statements_by_block(blocks, parsed);
  for (size_t b = 0; b < blocks.size(); ++b) {
    TxLayout layout = tx_layout(blocks[b], by_block[b]);
    std::vector<std::vector<const ParsedStatement*>> by_range(blocks[b].statements.size());
    for (const auto* p : by_block[b]) by_range[p->statement].push_back(p);
    for (const auto& in_range : by_range) {
      if (layout == TxLayout::Wrapped && !in_range.empty()) {
        bool non_tx = false;
        for (const auto* p : in_range) non_tx = non_tx || p->non_transactional;
        if (non_tx) commit();
        else begin();
      }
      for (const auto* p : in_range) steps.push_back({ApplyStep::Kind::Statement, p});
    }
    commit();
  }
  return steps;
}

}  // namespace migc
