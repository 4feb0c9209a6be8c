#include "emit/deps_report.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace migc {

namespace {

using ordered_json = nlohmann::ordered_json;

std::string statement_location(const Compilation& c, uint32_t migration, uint32_t statement) {
  const ParsedStatement& p = c.parsed.migrations[migration].up[statement];
  LineCol at = c.set.file(p.file).position(p.begin);
  return fmt::format("{}:{}:{}", c.set.file(p.file).display_path(), at.line, at.column);
}

std::string declaration_location(const Compilation& c, uint32_t migration, const DependencyRef& ref) {
  if (!ref.declared_at) return c.set.file(c.set.migrations[migration].files.front()).display_path();
  LineCol at = c.set.file(ref.declared_at->file).position(ref.declared_at->offset);
  return fmt::format("{}:{}:{}", c.set.file(ref.declared_at->file).display_path(), at.line, at.column);
}

const std::string& id(const Compilation& c, uint32_t m) { return c.set.migrations[m].id; }

std::vector<const InferredDependency*> undeclared(const Compilation& c) {
  std::vector<const InferredDependency*> out;
  for (const auto& d : c.analysis.inferred)
    if (!d.declared) out.push_back(&d);
  return out;
}

// Missing objects grouped by object: every use, in deploy order of discovery.
std::map<ObjectRef, std::vector<const MissingObject*>> missing_by_object(const Compilation& c) {
  std::map<ObjectRef, std::vector<const MissingObject*>> out;
  for (const auto& m : c.analysis.missing) out[m.object].push_back(&m);
  return out;
}

std::string path_text(const Compilation& c, const std::vector<uint32_t>& path) {
  std::string out;
  for (uint32_t m : path) out += (out.empty() ? "" : " → ") + id(c, m);
  return out;
}

}  // namespace

bool deps_have_ordering_findings(const Compilation& c) {
  return !undeclared(c).empty() || !c.analysis.order_dependent.empty();
}

std::string deps_report_text(const Compilation& c) {
  const Analysis& a = c.analysis;
  std::string out;
  auto section = [&](std::string_view title, size_t n) { out += fmt::format("{} ({}):\n", title, n); };

  auto undecl = undeclared(c);
  section("undeclared dependencies", undecl.size());
  for (const auto* d : undecl)
    out += fmt::format("  {}: '{}' uses {}, which '{}' creates, but does not declare it{}\n",
                       statement_location(c, d->after, d->statement), id(c, d->after), d->object.describe(c.analysis.catalog),
                       id(c, d->before), order_from_graph(c.set.format) ? " (migc orders it after it)" : "");

  section("order-dependent pairs", a.order_dependent.size());
  for (const auto& p : a.order_dependent)
    out += fmt::format("  '{}' ({}) and '{}' ({}) {}: nothing orders them\n", id(c, p.first), access_name(p.first_access),
                       id(c, p.second), access_name(p.second_access), p.object.describe(c.analysis.catalog));

  section("redundant declared dependencies", a.redundant.size());
  for (const auto& r : a.redundant)
    out += fmt::format("  {}: '{}' declares '{}', already implied by {}\n", declaration_location(c, r.migration, *r.ref),
                       id(c, r.migration), r.ref->target, path_text(c, r.path));

  section("duplicate creations", a.duplicates.size());
  for (const auto& d : a.duplicates) {
    std::string ids;
    for (uint32_t m : d.migrations) ids += (ids.empty() ? "'" : ", '") + id(c, m) + "'";
    out += fmt::format("  {} is created by {}\n", d.object.describe(c.analysis.catalog), ids);
  }

  auto missing = missing_by_object(c);
  section("created by nobody", missing.size());
  for (const auto& [object, uses] : missing) {
    const MissingObject& first = *uses.front();
    out += fmt::format("  {}: {} used by '{}'", statement_location(c, first.migration, first.statement),
                       object.describe(c.analysis.catalog), id(c, first.migration));
    if (uses.size() > 1) out += fmt::format(" and {} more", uses.size() - 1);
    out += "\n";
  }
  if (!missing.empty())
    out += "  (objects the target database already has belong in [external] in migc.toml)\n";
  return out;
}

std::string deps_report_json(const Compilation& c) {
  const Analysis& a = c.analysis;
  ordered_json doc;
  doc["format"] = format_name(c.set.format);
  ordered_json inferred = ordered_json::array();
  for (const auto& d : a.inferred)
    inferred.push_back({{"migration", id(c, d.after)},
                        {"depends_on", id(c, d.before)},
                        {"object", d.object.describe(c.analysis.catalog)},
                        {"at", statement_location(c, d.after, d.statement)},
                        {"declared", d.declared}});
  doc["inferred"] = std::move(inferred);
  ordered_json pairs = ordered_json::array();
  for (const auto& p : a.order_dependent)
    pairs.push_back({{"first", id(c, p.first)},
                     {"first_access", access_name(p.first_access)},
                     {"second", id(c, p.second)},
                     {"second_access", access_name(p.second_access)},
                     {"object", p.object.describe(c.analysis.catalog)}});
  doc["order_dependent"] = std::move(pairs);
  ordered_json redundant = ordered_json::array();
  for (const auto& r : a.redundant) {
    ordered_json path = ordered_json::array();
    for (uint32_t m : r.path) path.push_back(id(c, m));
    redundant.push_back({{"migration", id(c, r.migration)},
                         {"declares", r.ref->target},
                         {"at", declaration_location(c, r.migration, *r.ref)},
                         {"implied_by", std::move(path)}});
  }
  doc["redundant"] = std::move(redundant);
  ordered_json duplicates = ordered_json::array();
  for (const auto& d : a.duplicates) {
    ordered_json ids = ordered_json::array();
    for (uint32_t m : d.migrations) ids.push_back(id(c, m));
    duplicates.push_back({{"object", d.object.describe(c.analysis.catalog)}, {"created_by", std::move(ids)}});
  }
  doc["duplicates"] = std::move(duplicates);
  ordered_json missing = ordered_json::array();
  for (const auto& [object, uses] : missing_by_object(c)) {
    ordered_json used = ordered_json::array();
    for (const auto* u : uses) used.push_back({{"migration", id(c, u->migration)}, {"at", statement_location(c, u->migration, u->statement)}});
    missing.push_back({{"object", object.describe(c.analysis.catalog)}, {"used_by", std::move(used)}});
  }
  doc["created_by_nobody"] = std::move(missing);
  return doc.dump(2) + "\n";
}

}  // namespace migc
