#include "compiler/compile.h"

#include <algorithm>

#include <fmt/format.h>

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

Compilation compile(const CompileOptions& options) {
  Compilation c;
  c.set = load_migrations(options.load);
  c.parsed = parse_set(c.set, options.parse);
  warn_non_transactional(c.set, c.parsed);
  c.plan = plan_migrations(c.set, options.plan);
  c.fingerprint = input_fingerprint(c.set);
  return c;
}

}  // namespace migc
