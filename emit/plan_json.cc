#include "emit/plan_json.h"

#include <nlohmann/json.hpp>

namespace migc {

using ordered_json = nlohmann::ordered_json;

static ordered_json statements_json(const MigrationSet& set, const std::vector<ParsedStatement>& parsed) {
  ordered_json out = ordered_json::array();
  for (const auto& p : parsed) {
    LineCol at = set.file(p.file).position(p.begin);
    ordered_json s = {{"file", set.file(p.file).path()}, {"line", at.line}, {"column", at.column}, {"kind", p.kind}};
    if (p.non_transactional) s["non_transactional"] = true;
    out.push_back(std::move(s));
  }
  return out;
}

static ordered_json hazards_json(const std::vector<StatementAnalysis>& statements) {
  ordered_json out = ordered_json::array();
  for (size_t s = 0; s < statements.size(); ++s)
    for (const Hazard& h : statements[s].hazards) {
      ordered_json j = {{"statement", s}, {"kind", hazard_kind_name(h.kind)}};
      if (h.relation) j["relation"] = display_name(*h.relation);
      if (h.lock) j["lock"] = lock_mode_name(*h.lock);
      if (!h.message.empty()) j["message"] = h.message;
      j["relation_age"] = relation_age_name(h.age);
      out.push_back(std::move(j));
    }
  return out;
}

static ordered_json inferred_json(const Compilation& c, uint32_t migration) {
  ordered_json out = ordered_json::array();
  for (const auto& d : c.analysis.inferred)
    if (d.after == migration)
      out.push_back({{"id", c.set.migrations[d.before].id},
                     {"object", d.object.display()},
                     {"statement", d.statement},
                     {"declared", d.declared}});
  return out;
}

static ordered_json redundant_json(const Compilation& c, uint32_t migration) {
  ordered_json out = ordered_json::array();
  for (const auto& r : c.analysis.redundant) {
    if (r.migration != migration) continue;
    ordered_json path = ordered_json::array();
    for (uint32_t m : r.path) path.push_back(c.set.migrations[m].id);
    out.push_back({{"id", r.ref->target}, {"implied_by", std::move(path)}});
  }
  return out;
}

static ordered_json tx_json(const std::vector<Block>& blocks) {
  ordered_json out = ordered_json::array();
  for (const auto& b : blocks) out.push_back(tx_mode_name(b.tx));
  return out;
}

std::string emit_plan_json(const Compilation& c) {
  const MigrationSet& set = c.set;
  ordered_json doc;
  doc["migc_version"] = MIGC_VERSION;
  doc["format"] = format_name(set.format);
  doc["input_fingerprint"] = "sha256:" + c.fingerprint;
  ordered_json order = ordered_json::array();
  for (uint32_t i : c.plan.order) order.push_back(set.migrations[i].id);
  doc["order"] = std::move(order);
  ordered_json migrations = ordered_json::array();
  for (uint32_t i : c.plan.order) {
    const Migration& m = set.migrations[i];
    ordered_json files = ordered_json::array();
    for (uint32_t f : m.files) files.push_back(set.file(f).path());
    ordered_json declared = ordered_json::array(), implicit = ordered_json::array();
    for (const auto& d : m.deps) {
      if (d.type == DependencyRef::Type::Conflicts || d.inferred) continue;
      (d.implicit ? implicit : declared).push_back(d.target);
    }
    ordered_json j;
    j["id"] = m.id;
    j["name"] = m.name;
    j["file"] = files.empty() ? ordered_json() : files.front();
    j["files"] = std::move(files);
    j["domain"] = m.domain;
    j["kind"] = kind_name(m.kind);
    j["transaction"] = tx_json(m.up);
    j["declared_deps"] = std::move(declared);
    j["implicit_deps"] = std::move(implicit);
    j["inferred_deps"] = inferred_json(c, i);
    j["redundant_deps"] = redundant_json(c, i);
    j["has_down"] = m.down.has_value();
    j["statements"] = statements_json(set, c.parsed.migrations[i].up);
    j["hazards"] = hazards_json(c.analysis.statements[i]);
    migrations.push_back(std::move(j));
  }
  doc["migrations"] = std::move(migrations);
  ordered_json filtered = ordered_json::array();
  for (uint32_t i : c.plan.filtered_out) filtered.push_back(set.migrations[i].id);
  doc["filtered_out"] = std::move(filtered);
  return doc.dump(2) + "\n";
}

}  // namespace migc
