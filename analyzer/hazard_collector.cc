#include "analyzer/hazard_collector.h"

#include <algorithm>

#include "analyzer/relation_edits.h"

namespace migc {

HazardCollector::~HazardCollector() {
  // The statements of a DO block or function body add to one analysis: a relation still gets
  // one Lock there, at the strongest mode.
  auto& out = ctx_.out.hazards;
  for (Hazard& lock : locks_) {
    auto held = std::find_if(out.begin(), out.end(), [&](const Hazard& h) {
      return h.kind == HazardKind::Lock && h.relation == lock.relation;
    });
    if (held == out.end())
      out.push_back(std::move(lock));
    else if (*lock.lock > *held->lock)
      *held = std::move(lock);
  }
  out.insert(out.end(), others_.begin(), others_.end());
}

RelationAge HazardCollector::age_of(const QualifiedName& relation) const {
  const Relation* r = ctx_.catalog.relation(relation);
  return r ? ctx_.age_of(r->provenance) : RelationAge::Live;
}

void HazardCollector::lock(const QualifiedName& relation, LockMode mode) {
  auto held = std::find_if(locks_.begin(), locks_.end(), [&](const Hazard& h) { return h.relation == relation; });
  if (held != locks_.end() && mode <= *held->lock) return;
  std::string message =
      std::string(lock_mode_name(mode)) + " on " + display_name(relation) + " (" + std::string(lock_blocks(mode)) + ")";
  Hazard h{HazardKind::Lock, relation, mode, std::move(message), age_of(relation)};
  if (held == locks_.end())
    locks_.push_back(std::move(h));
  else
    *held = std::move(h);
}

void HazardCollector::lock_with_descendants(const QualifiedName& relation, LockMode mode, bool recurse,
                                            bool partitions_only) {
  lock(relation, mode);
  if (recurse)
    for (const auto& below : descendants_of(ctx_.catalog, relation, partitions_only)) lock(below, mode);
}

void HazardCollector::add(HazardKind kind, const QualifiedName& relation, std::string message, HazardCause cause,
                          std::string column) {
  others_.push_back({kind, relation, std::nullopt, std::move(message), age_of(relation), cause, std::move(column)});
}

void HazardCollector::add(HazardKind kind, std::string message, RelationAge age) {
  others_.push_back({kind, std::nullopt, std::nullopt, std::move(message), age});
}

std::string column_text(const QualifiedName& table, std::string_view column) {
  return display_name(table) + "." + quote_ident(column);
}

std::vector<QualifiedName> descendants_of(Catalog& catalog, const QualifiedName& table, bool partitions_only) {
  std::vector<QualifiedName> out;
  if (Relation* r = catalog.relation(table))
    for (const Relation* d : with_descendants(catalog, *r, true, partitions_only))
      if (d->name != table) out.push_back(d->name);
  return out;
}

const Relation* default_partition_of(const Catalog& catalog, const QualifiedName& table) {
  for (const auto& [name, r] : catalog.relations)
    if (r.partition_of == table && r.partition_bound == "DEFAULT") return &r;
  return nullptr;
}

std::vector<std::pair<const Relation*, const Constraint*>> referencing_keys(const Catalog& catalog,
                                                                            const QualifiedName& table) {
  std::vector<std::pair<const Relation*, const Constraint*>> out;
  for (const auto& [name, r] : catalog.relations)
    for (const Constraint& c : r.constraints)
      if (c.type == 'f' && c.ref_table == table) out.emplace_back(&r, &c);
  return out;
}

std::vector<std::string> referenced_key(const Relation* parent, const Constraint& fk) {
  if (!fk.ref_columns.empty() || !parent) return fk.ref_columns;
  for (const Constraint& c : parent->constraints)
    if (c.type == 'p') return c.columns;
  return {};
}

}  // namespace migc
