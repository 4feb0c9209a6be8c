#include "compiler/planner.h"

#include <algorithm>
#include <map>
#include <queue>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

namespace migc {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool kept(const Migration& m, const PlanOptions& o) {
  if (m.kind == Kind::Callback) return false;  // Flyway callbacks are not deployable migrations
  if (o.no_seeds && m.kind == Kind::Seed) return false;
  if (m.domain.empty()) return true;  // a migration without a domain is never filtered out
  if (!o.include_domains.empty() && !contains(o.include_domains, m.domain)) return false;
  return !contains(o.exclude_domains, m.domain);
}

// Where a dependency was written, for messages; the migration's first file when implicit.
Diagnostic edge_diagnostic(const MigrationSet& set, const Migration& m, const DependencyRef& ref, Severity sev,
                           std::string message) {
  if (ref.declared_at) return diagnostic_at(sev, set.file(ref.declared_at->file), ref.declared_at->offset, message);
  return diagnostic_in(sev, set.file(m.files.front()).display_path(), std::move(message));
}

std::string edge_note(const Migration& from, const DependencyRef& ref) {
  if (ref.implicit) return fmt::format("'{}' follows '{}' in the format's own order", from.id, ref.target);
  if (ref.inferred) return fmt::format("'{}' uses {}, which '{}' creates (inferred)", from.id, ref.reason, ref.target);
  return fmt::format("'{}' depends on '{}'", from.id, ref.target);
}

// A cycle inside one strongly connected component, as migration indexes a → b → … → a
// (each depends on the next one's prerequisite order: edges run prerequisite → dependent).
std::vector<uint32_t> find_cycle(const Graph& g, const std::vector<int>& component, int comp) {
  uint32_t start = 0;
  while (component[start] != comp) ++start;
  std::vector<uint32_t> path{start};
  std::vector<int> pos(boost::num_vertices(g), -1);
  pos[start] = 0;
  // Walk edges inside the component until a vertex repeats; every vertex of a strongly
  // connected component has an out-edge inside it.
  for (;;) {
    uint32_t v = path.back();
    uint32_t next = v;
    bool found = false;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      uint32_t t = static_cast<uint32_t>(boost::target(*e, g));
      if (component[t] == comp && (!found || t < next)) {
        next = t;
        found = true;
      }
    }
    if (pos[next] >= 0) return std::vector<uint32_t>(path.begin() + pos[next], path.end());
    pos[next] = static_cast<int>(path.size());
    path.push_back(next);
  }
}

}  // namespace

int deploy_phase(Kind k) {
  switch (k) {
    case Kind::Repeatable: return 1;  // after every versioned migration
    case Kind::PostApply: return 2;   // at the very end
    default: return 0;
  }
}

Plan plan_migrations(const MigrationSet& set, const PlanOptions& options) {
  const auto n = static_cast<uint32_t>(set.migrations.size());
  std::map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < n; ++i) index.emplace(set.migrations[i].id, i);

  Plan plan;
  std::vector<bool> keep(n);
  for (uint32_t i = 0; i < n; ++i) {
    keep[i] = kept(set.migrations[i], options);
    if (!keep[i] && set.migrations[i].kind != Kind::Callback) plan.filtered_out.push_back(i);
  }

  std::vector<Diagnostic> errors;
  Graph g(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const Migration& m = set.migrations[i];
    for (const auto& ref : m.deps) {
      if (ref.type == DependencyRef::Type::Conflicts) continue;
      auto it = index.find(ref.target);
      if (it == index.end()) {
        errors.push_back(edge_diagnostic(set, m, ref, Severity::Error,
                                         fmt::format("migration '{}' depends on '{}', which does not exist", m.id,
                                                     ref.target)));
        continue;
      }
      if (!keep[it->second]) {
        if (ref.implicit) continue;  // the chain simply skips what the filter removed
        errors.push_back(edge_diagnostic(
            set, m, ref, Severity::Error,
            fmt::format("migration '{}' depends on '{}', which the filters (--include/--exclude/--no-seeds) remove",
                        m.id, ref.target)));
        continue;
      }
      boost::add_edge(it->second, i, g);
      plan.edges.push_back({it->second, i, &ref});
    }
  }
  if (!errors.empty()) throw CompileError(std::move(errors));

  std::vector<int> component(n);
  int components = boost::strong_components(g, component.data());
  std::vector<int> size(components, 0);
  for (uint32_t i = 0; i < n; ++i) ++size[component[i]];
  for (const auto& e : plan.edges) {
    if (e.before != e.after && size[component[e.before]] < 2) continue;
    std::vector<uint32_t> cycle = e.before == e.after ? std::vector<uint32_t>{e.before}
                                                      : find_cycle(g, component, component[e.before]);
    std::string path;
    // Print in dependency terms: each migration, then the one it depends on.
    std::vector<uint32_t> deps_order(cycle.rbegin(), cycle.rend());
    for (uint32_t v : deps_order) path += set.migrations[v].id + " → ";
    path += set.migrations[deps_order.front()].id;
    Diagnostic d = diagnostic_in(Severity::Error, set.root, fmt::format("dependency cycle (each depends on the next): {}", path));
    for (size_t k = 0; k < deps_order.size(); ++k) {
      uint32_t from = deps_order[k], to = deps_order[(k + 1) % deps_order.size()];
      for (const auto& pe : plan.edges)
        if (pe.after == from && pe.before == to) {
          d.notes.push_back(edge_diagnostic(set, set.migrations[from], *pe.ref, Severity::Note,
                                            edge_note(set.migrations[from], *pe.ref)));
          break;
        }
    }
    throw CompileError(std::move(d));
  }

  // Kahn's algorithm; among ready migrations the earliest (phase, source order) goes first,
  // which reproduces yoyo's own order and the key order of linear formats.
  std::vector<uint32_t> indegree(n, 0);
  for (const auto& e : plan.edges) ++indegree[e.after];
  using Key = std::pair<int, uint32_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
  for (uint32_t i = 0; i < n; ++i)
    if (keep[i] && indegree[i] == 0) ready.push({deploy_phase(set.migrations[i].kind), i});
  while (!ready.empty()) {
    uint32_t v = ready.top().second;
    ready.pop();
    plan.order.push_back(v);
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      auto t = static_cast<uint32_t>(boost::target(*e, g));
      if (--indegree[t] == 0) ready.push({deploy_phase(set.migrations[t].kind), t});
    }
  }
  std::sort(plan.edges.begin(), plan.edges.end(), [](const PlannedEdge& a, const PlannedEdge& b) {
    return std::tie(a.after, a.before) < std::tie(b.after, b.before);
  });
  return plan;
}

}  // namespace migc
