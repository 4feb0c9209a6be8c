// Risks of one statement: the locks it takes, data it can lose, rewrites and full scans, and
// changes that a rollback cannot undo. Judged against the catalog as it stood just before.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/names.h"

namespace migc {

enum class LockMode {
  AccessShare, RowShare, RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive,
};
std::string_view lock_mode_name(LockMode m);  // "ACCESS EXCLUSIVE"
std::string_view lock_blocks(LockMode m);     // what waits for it: "blocks reads and writes"

enum class HazardKind { Lock, DataLoss, Rewrite, Scan, Irreversible };
std::string_view hazard_kind_name(HazardKind k);  // "lock", "data loss", "rewrite", "scan", "irreversible"

// How old the relation a hazard is about is, which decides whether the hazard matters.
enum class RelationAge {
  SameMigration,  // created earlier in the same migration: invisible to others, empty
  Build,          // created by an earlier migration of this build: empty on a fresh database
  Live,           // from history (an applied migration or an [external] object): has data and readers
};
std::string_view relation_age_name(RelationAge a);  // "new", "build", "live"

// The change a hazard comes from, where the lint rules tell hazards of one kind on one relation
// apart (the messages are for people and may be reworded).
enum class HazardCause { Other, SetNotNull, DropColumn, ColumnType, SetLogged, SetUnlogged };

struct Hazard {
  HazardKind kind = HazardKind::Lock;
  std::optional<QualifiedName> relation;  // the relation concerned, when there is one
  std::optional<LockMode> lock;           // Lock: the mode taken on `relation`
  std::string message;                    // e.g. "drops column auth.users.legacy_password_md5"
  RelationAge age = RelationAge::Live;
  HazardCause cause = HazardCause::Other;
  std::string column;                     // the column of a column's change (DropColumn, ColumnType, SetNotNull)
};

// The annotation deploy.sql prints above the statement, without the "-- " prefix:
// "!! lock: ACCESS EXCLUSIVE on public.users (blocks reads and writes)",
// "!! data loss: drops column public.users.email".
std::string hazard_text(const Hazard& h);

}  // namespace migc
