// Gathers the hazards of one statement while the hazard modules look at it: one Lock per
// relation at the strongest mode asked for, each hazard aged from the catalog.
#pragma once
#include <string>
#include <vector>

#include "analyzer/replay.h"

namespace migc {

class HazardCollector {
 public:
  explicit HazardCollector(ReplayContext& ctx) : ctx_(ctx) {}
  // Appends the locks (in the order first taken; a relation the analysis already has a Lock for
  // keeps that one, made stronger if need be), then the other hazards (in the order found).
  ~HazardCollector();
  HazardCollector(const HazardCollector&) = delete;
  HazardCollector& operator=(const HazardCollector&) = delete;

  ReplayContext& ctx() { return ctx_; }
  const Catalog& catalog() const { return ctx_.catalog; }

  void lock(const QualifiedName& relation, LockMode mode);
  // The same mode on `relation` and, when `recurse` (the statement does not say ONLY), on every
  // relation below it: partitions, and inheritance children unless `partitions_only`.
  void lock_with_descendants(const QualifiedName& relation, LockMode mode, bool recurse, bool partitions_only = false);
  void add(HazardKind kind, const QualifiedName& relation, std::string message,
           HazardCause cause = HazardCause::Other, std::string column = "");
  // A hazard about something that is not a relation (an enum), aged as that object is.
  void add(HazardKind kind, std::string message, RelationAge age);

 private:
  RelationAge age_of(const QualifiedName& relation) const;
  ReplayContext& ctx_;
  std::vector<Hazard> locks_, others_;
};

// "schema.table.column" for messages, each part quoted as needed.
std::string column_text(const QualifiedName& table, std::string_view column);

// Relations related to `table` in the catalog, as the hazard modules need them: those below it
// (all levels; partitions, and inheritance children unless `partitions_only`), its default
// partition, and the foreign keys of other tables that point at it.
std::vector<QualifiedName> descendants_of(Catalog& catalog, const QualifiedName& table, bool partitions_only);
const Relation* default_partition_of(const Catalog& catalog, const QualifiedName& table);
std::vector<std::pair<const Relation*, const Constraint*>> referencing_keys(const Catalog& catalog,
                                                                            const QualifiedName& table);
// The key of `parent` a foreign key points at: the columns it names, else the primary key.
std::vector<std::string> referenced_key(const Relation* parent, const Constraint& fk);

}  // namespace migc
