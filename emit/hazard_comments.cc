#include "emit/hazard_comments.h"

namespace migc {

std::vector<std::string> hazard_comment_lines(const StatementAnalysis& analysis) {
  std::vector<std::string> lines;
  for (const Hazard& h : analysis.hazards) {
    if (h.age == RelationAge::SameMigration) continue;
    if (h.kind == HazardKind::Lock && h.lock && *h.lock < LockMode::Share) continue;
    lines.push_back("-- " + hazard_text(h));
  }
  return lines;
}

}  // namespace migc
