// pop / fizz SQL (gobuffalo/pop file_migrator.go and match.go, ory/x popx match.go and
// migration_info.go): the files of the root, not its subfolders, named
//   <version>_<name>[.<dialect>][.autocommit].(up|down).(sql|fizz)
// where version is the leading digits (kratos uses 20), name has no dot and dialect is
// [a-z0-9]+. Rules migc keeps:
//  * dialect: absent or `all` = every database; postgres (synonyms postgresql, pg, pgx) is ours;
//    cockroach (cockroachdb, crdb), mysql and sqlite3 (sqlite) are other databases' files and
//    are dropped silently; pop skips any other dialect with a log line, migc warns.
//  * for one version and direction a postgres file wins over a dialect-less one
//    (Migrations.SortAndFilter).
//  * `.autocommit` runs the file outside an explicit transaction (popx RunnerNoTx); every
//    other file runs in one. Either way pop sends the whole file as one Exec, so an
//    autocommit file of several statements still runs in PostgreSQL's implicit transaction
//    (TxMode::Implicit).
//  * an empty file (or only comments) is a valid migration that does nothing.
//  * `.fizz` files hold pop's own DSL, which migc does not translate: an error.
//  * all files of one version carry one name; the version, as written, is the id, and
//    migrations run in ascending numeric version order.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

enum class Dialect { Generic, Postgres, OtherDatabase, Unknown };

struct PopName {
  std::string version, name, dialect;
  bool down = false;
  bool autocommit = false;
  bool fizz = false;
};

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s.remove_suffix(suffix.size());
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_dialect_char(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }

bool consists_of(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }

// Reads the name from its end, so `.autocommit` is the flag, never a dialect.
std::optional<PopName> parse_pop_name(std::string_view file) {
  PopName n;
  if (strip_suffix(file, ".fizz")) n.fizz = true;
  else if (!strip_suffix(file, ".sql")) return std::nullopt;
  if (strip_suffix(file, ".down")) n.down = true;
  else if (!strip_suffix(file, ".up")) return std::nullopt;
  n.autocommit = strip_suffix(file, ".autocommit");
  size_t dot = file.find('.');
  if (dot != std::string_view::npos) {
    std::string_view dialect = file.substr(dot + 1);
    if (dialect.empty() || !consists_of(dialect, is_dialect_char)) return std::nullopt;
    n.dialect = dialect;
    file = file.substr(0, dot);
  }
  size_t underscore = file.find('_');
  if (underscore == 0 || underscore == std::string_view::npos || underscore + 1 == file.size() ||
      !consists_of(file.substr(0, underscore), is_digit))
    return std::nullopt;
  n.version = file.substr(0, underscore);
  n.name = file.substr(underscore + 1);
  return n;
}

Dialect classify(std::string_view dialect) {
  static const std::map<std::string_view, Dialect> known{
      {"", Dialect::Generic},
      {"all", Dialect::Generic},
      {"postgres", Dialect::Postgres},
      {"postgresql", Dialect::Postgres},
      {"pg", Dialect::Postgres},
      {"pgx", Dialect::Postgres},
      {"cockroach", Dialect::OtherDatabase},
      {"cockroachdb", Dialect::OtherDatabase},
      {"crdb", Dialect::OtherDatabase},
      {"mysql", Dialect::OtherDatabase},
      {"sqlite3", Dialect::OtherDatabase},
      {"sqlite", Dialect::OtherDatabase},
  };
  auto it = known.find(dialect);
  return it == known.end() ? Dialect::Unknown : it->second;
}

struct Candidate {
  VersionedFile file;
  bool postgres = false;
};

// Files meant for PostgreSQL, in path order.
std::vector<Candidate> postgres_candidates(LoadContext& ctx) {
  std::vector<Candidate> out;
  for (const auto& path : ctx.list_files(false)) {  // paths of the root are bare file names
    std::optional<PopName> n = parse_pop_name(path);
    if (!n) {
      warn_unmatched_sql(ctx, path, "<version>_<name>[.<dialect>][.autocommit].(up|down).sql");
      continue;
    }
    if (n->fizz) {
      Diagnostic d = diagnostic_in(Severity::Error, ctx.display(path), "fizz migrations are not supported");
      d.hints.push_back("migc reads SQL migrations: translate it to <version>_<name>.postgres.(up|down).sql");
      throw CompileError(std::move(d));
    }
    Dialect dialect = classify(n->dialect);
    if (dialect == Dialect::Unknown)
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path),
                             fmt::format("unknown pop dialect '{}'; file ignored", n->dialect)));
    if (dialect != Dialect::Generic && dialect != Dialect::Postgres) continue;
    TxMode tx = n->autocommit ? TxMode::Implicit : TxMode::Transaction;  // one Exec either way
    out.push_back({{path, n->version, n->version, n->name, n->down, tx}, dialect == Dialect::Postgres});
  }
  return out;
}

void check_one_name_per_version(LoadContext& ctx, const std::vector<Candidate>& candidates) {
  std::map<std::string, const VersionedFile*> first;
  for (const auto& c : candidates) {
    auto [it, fresh] = first.emplace(c.file.version, &c.file);
    if (!fresh && it->second->name != c.file.name)
      throw CompileError(diagnostic_in(Severity::Error, ctx.display(c.file.path),
                                       fmt::format("version {} has two names: '{}' ({}) and '{}' ({})", c.file.version,
                                                   it->second->name, ctx.display(it->second->path), c.file.name,
                                                   ctx.display(c.file.path))));
  }
}

}  // namespace

void load_pop(LoadContext& ctx) {
  std::vector<Candidate> candidates = postgres_candidates(ctx);
  check_one_name_per_version(ctx, candidates);
  std::set<std::pair<std::string, bool>> has_postgres_file;  // (version, down)
  for (const auto& c : candidates)
    if (c.postgres) has_postgres_file.emplace(c.file.version, c.file.down);
  std::vector<VersionedFile> files;
  for (auto& c : candidates)
    if (c.postgres || !has_postgres_file.count({c.file.version, c.file.down})) files.push_back(std::move(c.file));
  add_versioned_migrations(ctx, Format::Pop, files);
}

}  // namespace migc
