// plain: every .sql file below the root is one migration, in natural order of its relative
// path. `x.down.sql` / `x_down.sql` is the down part of `x.up.sql` / `x_up.sql` (or `x.sql`).
// Each file runs in one transaction.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/natural_sort.h"

namespace migc {

namespace {

enum class Direction { Up, Down };

struct PlainName {
  std::string key;  // the migration id: relative path without .sql and without the direction
  Direction direction;
};

PlainName plain_name(const std::string& relpath) {
  std::string stem = relpath.substr(0, relpath.size() - 4);  // strip ".sql"
  for (std::string_view s : {".down", "_down"})
    if (stem.ends_with(s)) return {stem.substr(0, stem.size() - s.size()), Direction::Down};
  for (std::string_view s : {".up", "_up"})
    if (stem.ends_with(s)) return {stem.substr(0, stem.size() - s.size()), Direction::Up};
  return {stem, Direction::Up};
}

}  // namespace

void load_plain(LoadContext& ctx) {
  std::vector<std::string> ups;
  std::map<std::string, std::string> downs;  // key → down file
  std::map<std::string, std::string> up_of;  // key → up file
  for (const auto& path : ctx.list_files(true)) {
    if (!path.ends_with(".sql")) continue;
    PlainName n = plain_name(path);
    if (n.direction == Direction::Down) {
      downs[n.key] = path;
    } else if (auto [it, fresh] = up_of.emplace(n.key, path); !fresh) {
      throw CompileError(diagnostic_in(Severity::Error, ctx.display(path),
                                       fmt::format("two files give migration '{}': {} and {}", n.key,
                                                   ctx.display(it->second), ctx.display(path))));
    } else {
      ups.push_back(path);
    }
  }
  std::sort(ups.begin(), ups.end(), natural_less);
  MigrationSet& set = ctx.set();
  for (const auto& path : ups) {
    PlainName n = plain_name(path);
    Migration m;
    m.id = n.key;
    m.name = n.key.substr(n.key.rfind('/') + 1);
    m.format = Format::Plain;
    uint32_t f = ctx.read(path);
    m.files.push_back(f);
    m.up.push_back(file_block(set, f, TxMode::Transaction));
    if (auto d = downs.find(n.key); d != downs.end()) {
      uint32_t df = ctx.read(d->second);
      m.files.push_back(df);
      m.down = std::vector<Block>{file_block(set, df, TxMode::Transaction)};
      downs.erase(d);
    }
    set.migrations.push_back(std::move(m));
  }
  for (const auto& [key, path] : downs)
    ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path), "down file without an up file; ignored"));
  add_chain_edges(set);
}

}  // namespace migc
