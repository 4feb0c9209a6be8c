#include "emit/hazard_comments.h"

#include <algorithm>

namespace migc {

namespace {

// A lock matters to whoever runs the script when it blocks readers, or when it is held through
// a scan or rewrite of the same relation: that is what makes it long. A brief SHARE ROW EXCLUSIVE
// on a foreign key's parent, for instance, is not worth a line.
bool lock_worth_printing(const Hazard& lock, const StatementAnalysis& analysis) {
  if (*lock.lock < LockMode::Share) return false;
  if (*lock.lock == LockMode::AccessExclusive || lock.age == RelationAge::Live) return true;
  return std::ranges::any_of(analysis.hazards, [&](const Hazard& h) {
    return (h.kind == HazardKind::Scan || h.kind == HazardKind::Rewrite) && h.relation == lock.relation;
  });
}

// A scan matters when it runs under a lock that blocks writes; the one CREATE INDEX
// CONCURRENTLY or VALIDATE CONSTRAINT do under SHARE UPDATE EXCLUSIVE lets the application go on.
bool scan_worth_printing(const Hazard& scan, const StatementAnalysis& analysis) {
  bool locked = false;
  for (const Hazard& h : analysis.hazards) {
    if (h.kind != HazardKind::Lock || !h.lock || h.relation != scan.relation) continue;
    if (*h.lock >= LockMode::Share) return true;
    locked = true;
  }
  return !locked;
}

}  // namespace

std::vector<std::string> hazard_comment_lines(const StatementAnalysis& analysis) {
  std::vector<std::string> lines;
  for (const Hazard& h : analysis.hazards) {
    if (h.age == RelationAge::SameMigration) continue;
    if (h.kind == HazardKind::Lock && h.lock && !lock_worth_printing(h, analysis)) continue;
    if (h.kind == HazardKind::Scan && !scan_worth_printing(h, analysis)) continue;
    lines.push_back("-- " + hazard_text(h));
  }
  return lines;
}

}  // namespace migc
