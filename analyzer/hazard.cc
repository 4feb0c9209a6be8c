#include "analyzer/hazard.h"

namespace migc {

std::string_view lock_mode_name(LockMode m) {
  switch (m) {
    case LockMode::AccessShare: return "ACCESS SHARE";
    case LockMode::RowShare: return "ROW SHARE";
    case LockMode::RowExclusive: return "ROW EXCLUSIVE";
    case LockMode::ShareUpdateExclusive: return "SHARE UPDATE EXCLUSIVE";
    case LockMode::Share: return "SHARE";
    case LockMode::ShareRowExclusive: return "SHARE ROW EXCLUSIVE";
    case LockMode::Exclusive: return "EXCLUSIVE";
    case LockMode::AccessExclusive: return "ACCESS EXCLUSIVE";
  }
  return "UNKNOWN";
}

// What ordinary traffic each mode makes wait, read off PostgreSQL's lock conflict table: reads
// take ACCESS SHARE, writes ROW EXCLUSIVE, SELECT … FOR UPDATE ROW SHARE, CREATE INDEX SHARE,
// VACUUM and most schema changes SHARE UPDATE EXCLUSIVE or stronger.
std::string_view lock_blocks(LockMode m) {
  switch (m) {
    case LockMode::AccessShare: return "blocks ACCESS EXCLUSIVE locks";
    case LockMode::RowShare: return "blocks EXCLUSIVE and ACCESS EXCLUSIVE locks";
    case LockMode::RowExclusive: return "blocks CREATE INDEX and schema changes";
    case LockMode::ShareUpdateExclusive: return "blocks schema changes and VACUUM";
    case LockMode::Share: return "blocks writes";
    case LockMode::ShareRowExclusive: return "blocks writes";
    case LockMode::Exclusive: return "blocks writes and locking reads";
    case LockMode::AccessExclusive: return "blocks reads and writes";
  }
  return "";
}

std::string_view hazard_kind_name(HazardKind k) {
  switch (k) {
    case HazardKind::Lock: return "lock";
    case HazardKind::DataLoss: return "data loss";
    case HazardKind::Rewrite: return "rewrite";
    case HazardKind::Scan: return "scan";
    case HazardKind::Irreversible: return "irreversible";
  }
  return "hazard";
}

std::string_view relation_age_name(RelationAge a) {
  switch (a) {
    case RelationAge::SameMigration: return "new";
    case RelationAge::Build: return "build";
    case RelationAge::Live: return "live";
  }
  return "live";
}

std::string hazard_text(const Hazard& h) {
  std::string text = "!! ";
  text += hazard_kind_name(h.kind);
  text += ": ";
  // A lock's text follows from its fields, so hand-built lock hazards read the same.
  if (h.kind == HazardKind::Lock && h.lock && h.relation) {
    text += lock_mode_name(*h.lock);
    text += " on " + display_name(*h.relation) + " (";
    text += lock_blocks(*h.lock);
    return text + ")";
  }
  return text + h.message;
}

}  // namespace migc
