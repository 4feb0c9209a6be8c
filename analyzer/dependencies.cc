#include "analyzer/dependencies.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzer/graph_reduction.h"
#include "analyzer/reachability.h"

namespace migc {

namespace {

// One statement's use of one object, at a position in the deploy order.
struct Use {
  uint32_t position = 0;  // index in plan.order
  uint32_t migration = 0;
  uint32_t statement = 0;
  Access access = Access::Read;
  bool deferred = false;
};

bool changes(Access a) { return a == Access::Create || a == Access::Alter; }
bool writes(Access a) { return a != Access::Read; }
int strength(Access a) {
  switch (a) {
    case Access::Read: return 0;
    case Access::Write: return 1;
    case Access::Alter: return 2;
    case Access::Create: return 3;
    case Access::Drop: return 4;
  }
  return 0;
}
bool defines(Access a) { return a == Access::Create || a == Access::Alter || a == Access::Drop; }

// Whether running x and y in either order can give different results. For a relation, only
// two changes of its definition or two changes of its rows (or a drop) count: reading a
// table while another migration adds a column or rows is not, and a read of the columns
// that do matter is a conflict on the column itself.
bool conflicts(const ObjectRef& object, Access x, Access y) {
  if (object.kind != ObjectKind::Relation) return writes(x) || writes(y);
  if (x == Access::Drop || y == Access::Drop) return true;
  return (defines(x) && defines(y)) || (x == Access::Write && y == Access::Write);
}

// Every object's uses, in deploy order.
std::map<ObjectRef, std::vector<Use>> uses_by_object(const Plan& plan, const Analysis& a) {
  std::map<ObjectRef, std::vector<Use>> uses;
  for (uint32_t pos = 0; pos < plan.order.size(); ++pos) {
    uint32_t m = plan.order[pos];
    for (uint32_t s = 0; s < a.statements[m].size(); ++s)
      for (const auto& r : a.statements[m][s].references)
        if (!is_builtin_object(r.object)) uses[r.object].push_back({pos, m, s, r.access, r.deferred});
  }
  return uses;
}

bool is_external(const ObjectRef& object, const AnalyzeOptions& options) {
  for (const auto& e : options.external) {
    if (e == object) return true;
    // Listing a table or type covers its members; listing a schema covers what is in it.
    if (!object.member.empty() && e == object.owner()) return true;
    if (e.kind == ObjectKind::Schema && !object.name.schema.empty() && e.name.name == object.name.schema) return true;
  }
  return false;
}

// Members follow their owner's last change too (a column of a table re-created later); the
// latest change of a relation itself is not a dependency of every reader (adding a column
// to a table does not change what an existing query reads).
bool follows_last_change(const ObjectRef& object) { return object.kind != ObjectKind::Relation; }

// An extension's own objects (its types, functions, tables) are not modelled one by one: an
// object nobody creates, in a schema an earlier migration (or the same one) installed an extension
// into, is taken to be that extension's. Without SCHEMA, an extension goes to the creation schema (taken to be
// public) or to the schema its control file fixes, which is most often named after it.
struct ExtensionInstall {
  std::string name;
  uint32_t migration = 0;
  uint32_t position = 0;  // in plan.order
  std::vector<std::string> schemas;
};

std::vector<ExtensionInstall> extension_installs(const Plan& plan, const Analysis& a) {
  std::vector<uint32_t> position(a.statements.size(), UINT32_MAX);
  for (uint32_t i = 0; i < plan.order.size(); ++i) position[plan.order[i]] = i;
  std::vector<ExtensionInstall> installs;
  for (const auto& [name, e] : a.catalog.extensions) {
    if (e.provenance.created_by == kExternal) continue;
    installs.push_back({name, e.provenance.created_by, position[e.provenance.created_by],
                        e.schema.empty() ? std::vector<std::string>{name, "public"} : std::vector<std::string>{e.schema}});
  }
  return installs;
}

// Among the extensions installed into the object's schema by then, the one named like the
// object (type ltree, extension ltree), else the first installed.
const ExtensionInstall* providing_extension(const std::vector<ExtensionInstall>& installs, const ObjectRef& object,
                                            uint32_t use_position) {
  if (object.kind == ObjectKind::Schema || object.kind == ObjectKind::Extension) return nullptr;
  const ExtensionInstall* best = nullptr;
  for (const auto& e : installs) {
    if (e.position > use_position || !std::count(e.schemas.begin(), e.schemas.end(), object.name.schema)) continue;
    if (e.name == object.name.name) return &e;
    if (!best || e.position < best->position) best = &e;
  }
  return best;
}

// A missing or twice-created table already says all there is to say about its columns.
void drop_members_of_reported_owners(Analysis& a) {
  std::set<std::pair<ObjectRef, uint32_t>> missing_owners;
  for (const auto& m : a.missing)
    if (m.object.member.empty()) missing_owners.insert({m.object, m.migration});
  std::erase_if(a.missing, [&](const MissingObject& m) {
    return !m.object.member.empty() && missing_owners.contains({m.object.owner(), m.migration});
  });
  std::set<ObjectRef> duplicate_owners;
  for (const auto& d : a.duplicates)
    if (d.object.member.empty()) duplicate_owners.insert(d.object);
  std::erase_if(a.duplicates, [&](const DuplicateCreation& d) {
    return !d.object.member.empty() && duplicate_owners.contains(d.object.owner());
  });
}

}  // namespace

bool is_builtin_object(const ObjectRef& object) {
  const std::string& schema = object.kind == ObjectKind::Schema ? object.name.name : object.name.schema;
  if (object.kind == ObjectKind::Schema && schema == "public") return true;
  return schema == "pg_catalog" || schema == "information_schema" || schema == "pg_toast" ||
         schema.starts_with("pg_temp");
}

void infer_dependencies(const MigrationSet& set, const Plan& plan, const AnalyzeOptions& options, Analysis& a) {
  a.inferred.clear();
  a.missing.clear();
  a.duplicates.clear();
  std::map<std::pair<uint32_t, uint32_t>, InferredDependency> edges;  // (after, before) → first reason
  auto add_edge = [&](uint32_t before, const Use& use, const ObjectRef& object) {
    if (before == use.migration) return;
    edges.try_emplace({use.migration, before}, InferredDependency{before, use.migration, object, use.statement, false});
  };
  const auto installs = extension_installs(plan, a);
  for (const auto& [object, uses] : uses_by_object(plan, a)) {
    const Use* first_create = nullptr;
    std::vector<uint32_t> creators;
    bool dropped = true;
    for (const Use& u : uses) {
      if (u.access == Access::Create && !first_create) first_create = &u;
      if (u.access == Access::Create) {
        if (!dropped && (creators.empty() || creators.back() != u.migration)) creators.push_back(u.migration);
        else if (creators.empty()) creators.push_back(u.migration);
        dropped = false;
      }
      if (u.access == Access::Drop) dropped = true;
    }
    if (creators.size() > 1) a.duplicates.push_back({object, creators});
    const Use* creator = nullptr;  // latest Create before the current use
    const Use* changer = nullptr;  // latest Create or Alter before the current use
    for (const Use& u : uses) {
      if (u.access != Access::Create) {
        if (creator) {
          add_edge(creator->migration, u, object);
          if (changer && follows_last_change(object)) add_edge(changer->migration, u, object);
        } else if (first_create) {
          // Used before anything creates it. A function body may name what comes later: it is
          // only checked when the function runs.
          if (!u.deferred) add_edge(first_create->migration, u, object);
        } else if (u.access != Access::Drop && !u.deferred && !is_external(object, options)) {
          // A function body may name what exists only when it runs (transition tables, temp
          // tables, partitions its own dynamic SQL creates): only direct uses are reported.
          if (const ExtensionInstall* e = providing_extension(installs, object, u.position))
            add_edge(e->migration, u, object);
          else
            a.missing.push_back({object, u.migration, u.statement});
        }
      }
      if (u.access == Access::Create) creator = &u;
      if (changes(u.access)) changer = &u;
      if (u.access == Access::Drop) creator = changer = nullptr;
    }
  }
  Reachability declared(set.migrations.size(), plan, [](const PlannedEdge& e) { return !e.ref->inferred; });
  for (auto& [key, dep] : edges) {
    dep.declared = declared.reaches(dep.before, dep.after);
    a.inferred.push_back(std::move(dep));
  }
  drop_members_of_reported_owners(a);
  std::sort(a.missing.begin(), a.missing.end(), [&](const MissingObject& x, const MissingObject& y) {
    return std::tie(x.object, x.migration, x.statement) < std::tie(y.object, y.migration, y.statement);
  });
}

void find_graph_findings(const MigrationSet& set, const Plan& plan, Analysis& a) {
  a.order_dependent.clear();
  a.redundant.clear();
  if (!order_from_graph(set.format)) return;  // a linear format orders every pair
  Reachability all(set.migrations.size(), plan, [](const PlannedEdge&) { return true; });
  for (const auto& [object, uses] : uses_by_object(plan, a)) {
    // The strongest access of each migration, in deploy order.
    std::vector<Use> per_migration;
    for (const Use& u : uses) {
      if (!per_migration.empty() && per_migration.back().migration == u.migration) {
        if (strength(u.access) > strength(per_migration.back().access)) per_migration.back().access = u.access;
        continue;
      }
      per_migration.push_back(u);
    }
    for (size_t i = 0; i < per_migration.size(); ++i)
      for (size_t j = i + 1; j < per_migration.size(); ++j) {
        const Use& x = per_migration[i];
        const Use& y = per_migration[j];
        if (!conflicts(object, x.access, y.access)) continue;
        if (all.reaches(x.migration, y.migration) || all.reaches(y.migration, x.migration)) continue;
        a.order_dependent.push_back({x.migration, y.migration, object, x.access, y.access});
      }
  }

  // Redundant declared edges: those the transitive reduction of the declared graph drops.
  std::vector<std::pair<uint32_t, uint32_t>> declared;
  for (const auto& e : plan.edges)
    if (!e.ref->inferred && !e.ref->implicit) declared.emplace_back(e.before, e.after);
  if (declared.empty()) return;
  Reachability declared_only(set.migrations.size(), plan, [](const PlannedEdge& e) { return !e.ref->inferred; });
  auto kept = reduced_prerequisites(set.migrations.size(), declared);  // prerequisites kept, per dependent
  for (const auto& e : plan.edges) {
    if (e.ref->inferred || e.ref->implicit) continue;
    if (std::count(kept[e.after].begin(), kept[e.after].end(), e.before)) continue;
    // The path that implies it: walk back from the dependent through kept edges that still
    // reach the prerequisite.
    std::vector<uint32_t> path{e.after};
    while (path.back() != e.before) {
      uint32_t next = e.before;
      for (uint32_t p : kept[path.back()])
        if (p == e.before || declared_only.reaches(e.before, p)) {
          next = p;
          break;
        }
      path.push_back(next);
    }
    a.redundant.push_back({e.after, e.ref, std::move(path)});
  }
}

}  // namespace migc
