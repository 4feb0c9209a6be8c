#include "compiler/yoyo_migration.h"

#include <set>
#include <string_view>

#include <fmt/format.h>

#include "compiler/text_lines.h"
#include "compiler/text_ranges.h"
#include "compiler/yoyo_python.h"
#include "compiler/yoyo_sql.h"

namespace migc {

namespace {

constexpr std::string_view kRollbackSuffix = ".rollback.sql";

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Python's os.path.splitext(name)[1]: the last extension; the leading dots of a hidden name
// do not start one.
std::string_view extension(std::string_view name) {
  size_t first = name.find_first_not_of('.');
  size_t dot = name.rfind('.');
  if (first == std::string_view::npos || dot == std::string_view::npos || dot < first) return {};
  return name.substr(dot);
}

// The first non-blank line of the description, or the id when there is none.
std::string title(std::string_view description, const std::string& id) {
  for (const TextLine& line : text_lines(description))
    if (std::string_view l = trim_space(line_content(description, line)); !l.empty()) return std::string(l);
  return id;
}

Migration new_migration(LoadContext& ctx, std::string_view path) {
  Migration m;
  std::string_view name = base_name(path);
  m.id = std::string(name.substr(0, name.size() - extension(name).size()));
  m.format = ctx.set().format;
  // yoyo runs a post-apply hook after every successful apply and never records it.
  if (m.id.starts_with("post-apply")) m.kind = Kind::PostApply;
  return m;
}

void warn_unread_directives(LoadContext& ctx, uint32_t file, const std::vector<uint32_t>& read_lines,
                            std::string_view why) {
  const SourceFile& f = ctx.file(file);
  for (uint32_t at : unread_yoyo_directives(f.text(), read_lines))
    ctx.warn(diagnostic_at(Severity::Warning, f, at, fmt::format("yoyo does not read this directive: {}", why)));
}

Migration sql_migration(LoadContext& ctx, const std::string& path) {
  Migration m = new_migration(ctx, path);
  uint32_t f = ctx.read(path);
  YoyoSqlHeader header = read_yoyo_sql_header(ctx.file(f), f);
  TxMode tx = yoyo_sql_tx(ctx.file(f), header);
  warn_unread_directives(ctx, f, header.directive_lines,
                         "directives count only in the comment lines that open the file, with lower-case names");
  m.name = title(header.description, m.id);
  m.deps = std::move(header.depends);
  m.files.push_back(f);
  m.up.push_back(file_block(ctx.set(), f, tx));
  std::string rollback = path.substr(0, path.size() - 4) + std::string(kRollbackSuffix);
  if (ctx.is_file(rollback)) {
    uint32_t rf = ctx.read(rollback);
    warn_unread_directives(ctx, rf, {}, "a rollback file's directives are ignored");
    m.files.push_back(rf);
    m.down = std::vector<Block>{file_block(ctx.set(), rf, tx)};  // runs like the migration itself
  }
  return m;
}

Migration python_migration(LoadContext& ctx, const std::string& path) {
  Migration m = new_migration(ctx, path);
  uint32_t f = ctx.read(path);
  YoyoPython py = read_yoyo_python(ctx, f);
  TxMode tx = py.transactional ? TxMode::Transaction : TxMode::None;
  m.name = title(py.description, m.id);
  m.deps = std::move(py.depends);
  m.files.push_back(f);  // the .py file; the derived SQL file is reached through the statements
  m.up.push_back(ranges_block(ctx.set(), py.sql_file, py.apply, tx));
  if (!py.rollback.empty()) m.down = std::vector<Block>{ranges_block(ctx.set(), py.sql_file, py.rollback, tx)};
  return m;
}

}  // namespace

void read_yoyo_source(LoadContext& ctx, const std::string& dir) {
  for (const auto& path : ctx.list_files(false, dir)) {
    std::string_view name = base_name(path);
    if (name.ends_with(kRollbackSuffix)) {
      std::string migration = path.substr(0, path.size() - kRollbackSuffix.size()) + ".sql";
      if (!ctx.is_file(migration))
        ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path),
                               fmt::format("rollback file without a migration: yoyo ignores it, as there is no {}",
                                           ctx.display(migration))));
      continue;
    }
    if (name.starts_with("_tmp_yoyonew")) continue;  // a `yoyo new` file still being edited
    std::string_view ext = extension(name);
    if (ext == ".sql") {
      ctx.set().migrations.push_back(sql_migration(ctx, path));
    } else if (name == "__init__.py") {
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path),
                             "ignored: yoyo 8 would load __init__.py as a migration named '__init__'"));
    } else if (ext == ".py") {
      ctx.set().migrations.push_back(python_migration(ctx, path));
    } else if (ascii_lower(ext) == ".sql" || ascii_lower(ext) == ".py") {
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path),
                             fmt::format("not a migration: yoyo matches the extension case-sensitively and skips "
                                         "'{}' files",
                                         ext)));
    }
  }
}

void check_yoyo_depends(const MigrationSet& set) {
  std::set<std::string_view> ids;
  for (const auto& m : set.migrations) ids.insert(m.id);
  std::vector<Diagnostic> errors;
  for (const auto& m : set.migrations) {
    for (const auto& dep : m.deps) {
      if (ids.count(dep.target) || !dep.declared_at) continue;
      Diagnostic d = diagnostic_at(Severity::Error, set.file(dep.declared_at->file), dep.declared_at->offset,
                                   fmt::format("'{}' depends on '{}', which is not a migration", m.id, dep.target));
      std::string_view ext = extension(dep.target);
      std::string_view stem = std::string_view(dep.target).substr(0, dep.target.size() - ext.size());
      if ((ext == ".sql" || ext == ".py") && ids.count(stem))
        d.hints.push_back(fmt::format("yoyo ids are file names without the extension: did you mean '{}'?", stem));
      errors.push_back(std::move(d));
    }
  }
  if (!errors.empty()) throw CompileError(std::move(errors));
}

}  // namespace migc
