#include "analyzer/rules/rule.h"

#include <algorithm>

namespace migc {

const std::vector<std::string_view>& naming_kinds() {
  static const std::vector<std::string_view> kinds = {"schema", "table",       "column", "index",       "view",
                                                      "sequence", "primary_key", "unique", "foreign_key", "check"};
  return kinds;
}

std::string_view lint_severity_name(LintSeverity s) {
  switch (s) {
    case LintSeverity::Info: return "info";
    case LintSeverity::Warning: return "warning";
    case LintSeverity::Error: return "error";
  }
  return "warning";
}

std::optional<LintSeverity> lint_severity_from_name(std::string_view name) {
  for (LintSeverity s : {LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error})
    if (lint_severity_name(s) == name) return s;
  return std::nullopt;
}

const HeldLock* TransactionState::lock_on(const QualifiedName& relation) const {
  auto it = std::find_if(locks.begin(), locks.end(), [&](const HeldLock& l) { return l.relation == relation; });
  return it == locks.end() ? nullptr : &*it;
}

StatementPlace RuleContext::place_of(uint32_t statement_index) const {
  const ParsedStatement& p = (*statements)[statement_index];
  return {migration, statement_index, set->file(p.file).position(p.begin).line};
}

StatementPlace RuleContext::place() const { return place_of(statement); }

bool RuleContext::is_new(RelationAge age) const {
  return age == RelationAge::SameMigration || (age == RelationAge::Build && pending_is_new);
}

bool RuleContext::is_new(const QualifiedName& relation) const {
  const Relation* r = model->catalog.relation(relation);
  return r && is_new(model->age_of(r->provenance));
}

std::optional<std::string> RuleContext::setting(std::string_view name) const {
  std::string key(name);
  if (auto local = settings->local_settings.find(key); local != settings->local_settings.end()) return local->second;
  if (auto global = settings->settings.find(key); global != settings->settings.end()) return global->second;
  return std::nullopt;
}

const Hazard* RuleContext::strongest_live_lock() const {
  const Hazard* best = nullptr;
  for (const Hazard& h : *hazards)
    if (h.kind == HazardKind::Lock && h.lock && !is_new(h.age) && (!best || *h.lock > *best->lock)) best = &h;
  return best;
}

void RuleContext::report(std::string message, std::string help, int32_t location) {
  sink->add(*this, std::nullopt, std::move(message), std::move(help), location);
}

void RuleContext::report(LintSeverity severity, std::string message, std::string help, int32_t location) {
  sink->add(*this, severity, std::move(message), std::move(help), location);
}

bool RuleContext::reported_in_migration() const { return sink->reported(*this, false); }
bool RuleContext::reported_in_transaction() const { return sink->reported(*this, true); }

}  // namespace migc
