#include "analyzer/compile.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/dependencies.h"
#include "compiler/sha256.h"
#include "compiler/tx_layout.h"

namespace migc {

static std::string input_fingerprint(const MigrationSet& set) {
  std::vector<const SourceFile*> files;
  for (const auto& f : set.files) files.push_back(f.get());
  std::sort(files.begin(), files.end(), [](const SourceFile* a, const SourceFile* b) {
    return std::tie(a->path(), a->text()) < std::tie(b->path(), b->text());
  });
  Sha256 h;
  h.update(format_name(set.format)).update(std::string_view("\0", 1));
  for (const auto* f : files)
    h.update(f->path()).update(std::string_view("\0", 1)).update(f->text()).update(std::string_view("\0", 1));
  return h.hex_digest();
}

std::string migration_checksum(const MigrationSet& set, const Migration& m) {
  Sha256 h;
  for (uint32_t f : m.files) h.update(set.file(f).text()).update(std::string_view("\0", 1));
  return h.hex_digest();
}

// A statement that cannot run in a transaction, in a block its runner wraps in one: the real
// tool would fail there; migc runs it on its own and says so.
static void warn_non_transactional(MigrationSet& set, const ParsedSet& parsed) {
  for (size_t m = 0; m < set.migrations.size(); ++m) {
    const Migration& mig = set.migrations[m];
    auto check = [&](const std::vector<Block>& blocks, const std::vector<ParsedStatement>& stmts) {
      auto by_block = statements_by_block(blocks, stmts);
      for (size_t b = 0; b < blocks.size(); ++b) {
        if (tx_layout(blocks[b], by_block[b]) != TxLayout::Wrapped) continue;
        for (const auto* p : by_block[b])
          if (p->non_transactional) {
            Diagnostic d = diagnostic_at(
                Severity::Warning, set.file(p->file), p->begin,
                fmt::format("this statement cannot run inside a transaction block, but {} runs migration '{}' in one",
                            format_name(set.format), mig.id));
            d.hints.push_back("migc runs it on its own, between the transaction before and after it; mark the "
                              "migration non-transactional in its format to make this explicit");
            set.warnings.push_back(std::move(d));
          }
      }
    };
    check(mig.up, parsed.migrations[m].up);
    if (mig.down) check(*mig.down, parsed.migrations[m].down);
  }
}

static Place statement_place(const Compilation& c, uint32_t migration, uint32_t statement) {
  const ParsedStatement& p = c.parsed.migrations[migration].up[statement];
  return {p.file, p.begin};
}

// Uses of objects that only a later migration creates: in a linear format the order is the
// author's, so each is an error naming both places.
static void reject_forward_uses(const Compilation& c, const std::vector<const InferredDependency*>& forward) {
  std::vector<Diagnostic> errors;
  for (const auto* dep : forward) {
    const Migration& user = c.set.migrations[dep->after];
    const Migration& creator = c.set.migrations[dep->before];
    Place at = statement_place(c, dep->after, dep->statement);
    Diagnostic d = diagnostic_at(Severity::Error, c.set.file(at.file), at.offset,
                                 fmt::format("migration '{}' uses {}, which only the later migration '{}' creates",
                                             user.id, dep->object.describe(c.analysis.catalog), creator.id));
    for (uint32_t s = 0; s < c.analysis.statements[dep->before].size(); ++s) {
      const auto& refs = c.analysis.statements[dep->before][s].references;
      if (std::find(refs.begin(), refs.end(), Reference{dep->object, Access::Create}) == refs.end()) continue;
      Place created = statement_place(c, dep->before, s);
      d.notes.push_back(diagnostic_at(Severity::Note, c.set.file(created.file), created.offset,
                                      fmt::format("'{}' creates it here", creator.id)));
      break;
    }
    errors.push_back(std::move(d));
  }
  throw CompileError(std::move(errors));
}

// Replays the plan, then lets inferred dependencies join the graph of a graph-ordered format
// (re-planning and replaying while they change the order).
static void analyze(Compilation& c, const CompileOptions& options) {
  for (;;) {
    c.analysis = replay_plan(c.set, c.parsed, c.plan, options.analyze);
    c.analysis.catalog.drop_temporary_relations();  // deploy.sql's session has ended
    infer_dependencies(c.set, c.plan, options.analyze, c.analysis);
    std::vector<uint32_t> position(c.set.migrations.size());
    for (uint32_t i = 0; i < c.plan.order.size(); ++i) position[c.plan.order[i]] = i;
    std::vector<const InferredDependency*> forward;
    bool added = false;
    for (const auto& dep : c.analysis.inferred) {
      if (position[dep.before] > position[dep.after]) forward.push_back(&dep);
      if (dep.declared || !order_from_graph(c.set.format)) continue;
      auto& deps = c.set.migrations[dep.after].deps;
      const std::string& target = c.set.migrations[dep.before].id;
      if (std::any_of(deps.begin(), deps.end(), [&](const DependencyRef& d) { return d.inferred && d.target == target; }))
        continue;
      deps.push_back({.target = target,
                                                  .inferred = true,
                                                  .reason = dep.object.describe(c.analysis.catalog),
                                                  .declared_at = statement_place(c, dep.after, dep.statement)});
      added = true;
    }
    if (!forward.empty() && !order_from_graph(c.set.format)) reject_forward_uses(c, forward);
    if (!added) break;
    std::vector<uint32_t> previous = c.plan.order;
    c.plan = plan_migrations(c.set, options.plan);
    if (c.plan.order == previous) break;
  }
  find_graph_findings(c.set, c.plan, c.analysis);
}

Compilation compile(const CompileOptions& options) {
  Compilation c;
  c.set = load_migrations(options.load);
  c.parsed = parse_set(c.set, options.parse);
  warn_non_transactional(c.set, c.parsed);
  c.plan = plan_migrations(c.set, options.plan);
  analyze(c, options);
  c.fingerprint = input_fingerprint(c.set);
  return c;
}

}  // namespace migc
