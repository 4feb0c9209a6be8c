// migretti (formats.md §3): `migrations/*.sql` of the project directory — or, when the root has
// no `migrations/` folder, the .sql files of the root itself (the root is then taken to be that
// folder) — named `<id>_<name>.sql`, in id order, each holding `-- migrate: up` / `-- migrate:
// down` sections. migretti sends the whole up text as one execute inside a transaction
// (TxMode::Transaction) unless `-- migrate: no-transaction` is given (TxMode::None). With a
// project directory, `seeds/*.sql` are seeds, each run whole in its own transaction.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/text_lines.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

struct MigrettiName {
  std::string id;
  std::string name;
  std::string path;
};

std::string_view base_name(std::string_view path) { return path.substr(path.rfind('/') + 1); }

// Splits `<id>_<name>.sql` at the first `_`; nullopt for a name migretti skips.
std::optional<MigrettiName> migretti_name(LoadContext& ctx, const std::string& path) {
  std::string_view file = base_name(path);
  size_t underscore = file.find('_');
  std::string_view stem = file.substr(0, file.size() - 4);  // without ".sql"
  if (underscore == std::string_view::npos || underscore == 0 || underscore + 1 >= stem.size()) {
    ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path),
                           "skipped: migretti reads only files named <id>_<name>.sql"));
    return std::nullopt;
  }
  std::string id(file.substr(0, underscore));
  // MIGRATION_ID_RE = ^[A-Za-z0-9]{1,26}$
  if (id.size() > 26 ||
      !std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    throw CompileError(diagnostic_in(
        Severity::Error, ctx.display(path),
        fmt::format("invalid migration id '{}' in the file name: migretti ids are 1 to 26 letters or digits", id)));
  return MigrettiName{id, std::string(stem.substr(underscore + 1)), path};
}

enum class Section { Preamble, Up, Down };

struct MigrettiSections {
  std::vector<TextRange> up, down;
  std::optional<uint32_t> up_marker;  // where the first `-- migrate: up` line begins
  bool no_transaction = false;
};

// migretti's parse_migration_sql: marker lines (prefix matches of the stripped line) switch the
// section and are dropped; lines before the first marker are not run. `-- migration:` and
// `-- id:` lines there are the header `mg create` writes.
MigrettiSections read_sections(LoadContext& ctx, uint32_t f, const MigrettiName& n, Migration& m) {
  const SourceFile& file = ctx.file(f);
  std::string_view text = file.text();
  MigrettiSections s;
  Section active = Section::Preamble;
  for (const TextLine& line : text_lines(text)) {
    std::string_view l = trim_space(line_content(text, line));
    if (l.starts_with("-- migrate: up")) {
      active = Section::Up;
      if (!s.up_marker) s.up_marker = line.begin;
    } else if (l.starts_with("-- migrate: down")) {
      active = Section::Down;
    } else if (l.starts_with("-- migrate: no-transaction")) {
      s.no_transaction = true;
    } else if (active != Section::Preamble) {
      append_range(active == Section::Up ? s.up : s.down, line.begin, line.next);
    } else if (l.starts_with("-- migration:")) {
      m.name = trim_space(l.substr(13));
    } else if (l.starts_with("-- id:")) {
      std::string_view id = trim_space(l.substr(6));
      if (id != n.id)
        ctx.warn(diagnostic_at(Severity::Warning, file, static_cast<uint32_t>(id.data() - text.data()),
                               fmt::format("'-- id: {}' differs from the id '{}' of the file name, which is "
                                           "the one migretti uses",
                                           id, n.id)));
    }
  }
  return s;
}

bool all_blank(std::string_view text, const std::vector<TextRange>& ranges) {
  return std::all_of(ranges.begin(), ranges.end(),
                     [&](const TextRange& r) { return trim_space(text.substr(r.begin, r.end - r.begin)).empty(); });
}

Migration read_migration(LoadContext& ctx, const MigrettiName& n) {
  Migration m;
  m.id = n.id;
  m.name = n.name;
  m.format = Format::Migretti;
  uint32_t f = ctx.read(n.path);
  m.files.push_back(f);
  MigrettiSections s = read_sections(ctx, f, n, m);
  const SourceFile& file = ctx.file(f);
  if (!s.up_marker) {
    Diagnostic d = diagnostic_at(Severity::Error, file, 0, "no '-- migrate: up' line: migretti needs an up section");
    d.hints.push_back("put '-- migrate: up' on the line before the migration's SQL");
    throw CompileError(std::move(d));
  }
  if (all_blank(file.text(), s.up))
    throw CompileError(diagnostic_at(Severity::Error, file, *s.up_marker, "the '-- migrate: up' section is empty"));
  TxMode tx = s.no_transaction ? TxMode::None : TxMode::Transaction;
  m.up.push_back(ranges_block(ctx.set(), f, s.up, tx));
  if (s.down.empty())
    ctx.warn(diagnostic_in(Severity::Warning, file.display_path(),
                           "no '-- migrate: down' section: it cannot be rolled back"));
  else
    m.down = std::vector<Block>{ranges_block(ctx.set(), f, s.down, tx)};
  return m;
}

bool is_sql(const std::string& path) { return path.ends_with(".sql"); }

}  // namespace

void load_migretti(LoadContext& ctx) {
  const bool project = ctx.is_dir("migrations");
  std::vector<MigrettiName> names;
  for (const auto& path : ctx.list_files(false, project ? "migrations" : ""))
    if (is_sql(path))
      if (auto n = migretti_name(ctx, path)) names.push_back(std::move(*n));
  // migretti compares ids as strings (its out-of-order check and `mg create`'s ULIDs).
  std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::set<size_t> lengths;
  for (const auto& n : names) lengths.insert(n.id.size());
  if (lengths.size() > 1)
    ctx.warn(diagnostic_in(Severity::Warning, ctx.set().root,
                           "migration ids have different lengths: migretti orders them as strings, so '10' comes "
                           "before '9'"));
  MigrationSet& set = ctx.set();
  for (const auto& n : names) set.migrations.push_back(read_migration(ctx, n));
  if (project) {
    for (const auto& path : ctx.list_files(false, "seeds")) {
      if (!is_sql(path)) continue;
      Migration seed;
      seed.id = path.substr(0, path.size() - 4);  // "seeds/<name>": no migration id has a '/'
      seed.name = base_name(seed.id);
      seed.format = Format::Migretti;
      seed.kind = Kind::Seed;
      uint32_t f = ctx.read(path);
      seed.files.push_back(f);
      seed.up.push_back(file_block(set, f, TxMode::Transaction));
      set.migrations.push_back(std::move(seed));
    }
  }
  add_chain_edges(set);
}

}  // namespace migc
