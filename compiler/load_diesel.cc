// diesel (diesel_migrations 2.x: migrations_internals/src/lib.rs, file_based_migrations.rs,
// migration_harness.rs; not in formats.md). Rules migc keeps:
//  * every direct subfolder of the root that is not hidden is a migration; files of the root
//    (`.keep`, loose scripts) are ignored. A folder without up.sql is an error (diesel:
//    UnknownMigrationFormat).
//  * folder `<version>_<name>`: the version is the text before the first `_` (the whole name
//    without one) with its dashes removed, which is what diesel records in
//    __diesel_schema_migrations and migc's id. diesel takes any text there; migc requires
//    digits and dashes (`2019-03-22-170700`, `20151219180527`, `00000000000000`) so that a
//    stray folder is reported rather than ordered by accident. Two folders giving one version
//    are an error (diesel keys migrations by version and would silently keep one).
//  * order: byte order of the version (MigrationVersion is an ordered string), which is
//    numeric order while the versions have one length.
//  * up.sql must not be empty (diesel refuses to run an empty migration); down.sql is
//    optional (no down part), and an empty one is warned about (diesel refuses to revert it).
//  * each file runs inside a transaction, unless metadata.toml says `run_in_transaction =
//    false`: then diesel sends the file as one batch_execute, i.e. one multi-statement query
//    in PostgreSQL's implicit transaction. A metadata.toml without the key also means false
//    (serde's default for a bool field), which migc warns about. diesel silently falls back to
//    a transaction when it cannot parse the file; migc reports the parse error instead.
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/loader.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

struct DieselFolder {
  std::string dir;
  std::string version;  // without dashes
};

DieselFolder diesel_folder(const LoadContext& ctx, const std::string& dir) {
  DieselFolder f{dir, ""};
  std::string_view written = std::string_view(dir).substr(0, dir.find('_'));
  bool valid = true;
  for (char c : written) {
    if (c >= '0' && c <= '9') f.version += c;
    else if (c != '-') valid = false;
  }
  if (!valid || f.version.empty()) {
    Diagnostic d = diagnostic_in(Severity::Error, ctx.display(dir), "not a diesel migration folder name");
    d.hints.push_back("expected <version>_<name> with a version of digits and dashes, e.g. 2019-03-22-170700_create_users");
    throw CompileError(std::move(d));
  }
  return f;
}

// toml++ quotes the text it stopped at, line break included: keep the message on one line.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// Byte offset of a toml++ line:column in the file's original text.
uint32_t original_offset_of(const SourceFile& file, const toml::source_position& at) {
  std::string_view line = file.original_line(at.line);
  if (line.data() == nullptr) return static_cast<uint32_t>(file.original().size());
  size_t column = std::min<size_t>(at.column > 0 ? at.column - 1 : 0, line.size());
  return static_cast<uint32_t>(line.data() - file.original().data() + column);
}

TxMode metadata_tx_mode(LoadContext& ctx, uint32_t index) {
  const SourceFile& file = ctx.file(index);
  toml::table table;
  try {
    table = toml::parse(file.original(), file.display_path());
  } catch (const toml::parse_error& e) {
    throw CompileError(diagnostic_at_original(Severity::Error, file, original_offset_of(file, e.source().begin),
                                              "invalid TOML: " + one_line(e.description())));
  }
  const toml::node* node = table.get("run_in_transaction");
  if (!node) {
    Diagnostic d = diagnostic_in(Severity::Warning, file.display_path(),
                                 "run_in_transaction is not set, so diesel runs this migration outside a transaction");
    d.hints.push_back("write run_in_transaction = true or run_in_transaction = false");
    ctx.warn(std::move(d));
    return TxMode::Implicit;
  }
  if (!node->is_boolean())
    throw CompileError(diagnostic_at_original(Severity::Error, file, original_offset_of(file, node->source().begin),
                                              "run_in_transaction must be true or false"));
  return node->as_boolean()->get() ? TxMode::Transaction : TxMode::Implicit;
}

Migration diesel_migration(LoadContext& ctx, const DieselFolder& folder) {
  Migration m;
  m.id = folder.version;
  m.name = name_after_version(folder.dir);
  m.format = Format::Diesel;
  uint32_t up = ctx.read(folder.dir + "/up.sql");
  if (ctx.file(up).original().empty())
    throw CompileError(diagnostic_in(Severity::Error, ctx.file(up).display_path(),
                                     "empty up.sql: diesel refuses to run an empty migration"));
  m.files.push_back(up);
  std::optional<uint32_t> metadata;
  if (std::string path = folder.dir + "/metadata.toml"; ctx.is_file(path)) metadata = ctx.read(path);
  TxMode tx = metadata ? metadata_tx_mode(ctx, *metadata) : TxMode::Transaction;
  m.up.push_back(file_block(ctx.set(), up, tx));
  if (std::string path = folder.dir + "/down.sql"; ctx.is_file(path)) {
    uint32_t down = ctx.read(path);
    if (ctx.file(down).original().empty())
      ctx.warn(diagnostic_in(Severity::Warning, ctx.file(down).display_path(),
                             "empty down.sql: diesel refuses to revert an empty migration"));
    m.files.push_back(down);
    m.down = std::vector<Block>{file_block(ctx.set(), down, tx)};
  }
  if (metadata) m.files.push_back(*metadata);
  return m;
}

}  // namespace

void load_diesel(LoadContext& ctx) {
  std::vector<DieselFolder> folders;
  std::map<std::string, std::string> dir_of_version;
  for (const auto& dir : ctx.list_dirs()) {
    required_file(ctx, dir, "up.sql", "diesel");
    DieselFolder folder = diesel_folder(ctx, dir);
    if (auto [it, fresh] = dir_of_version.emplace(folder.version, dir); !fresh)
      throw CompileError(diagnostic_in(Severity::Error, ctx.display(dir),
                                       fmt::format("version {} is given by two folders: {} and {}", folder.version,
                                                   ctx.display(it->second), ctx.display(dir))));
    folders.push_back(std::move(folder));
  }
  std::sort(folders.begin(), folders.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  for (const auto& folder : folders) ctx.set().migrations.push_back(diesel_migration(ctx, folder));
  add_chain_edges(ctx.set());
}

}  // namespace migc
