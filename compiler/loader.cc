#include "compiler/loader.h"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/detect.h"
#include "compiler/file_bytes.h"
#include "compiler/placeholders.h"
#include "compiler/sql_split.h"

namespace fs = std::filesystem;

namespace migc {

LoadContext::LoadContext(const LoadOptions& options, MigrationSet& set)
    : options_(options), set_(set), expand_placeholders_(!options.placeholders.empty()) {}

static bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

static std::string relative_path_of(const fs::path& root, const fs::path& p) {
  return p.lexically_relative(root).generic_string();
}

std::vector<std::string> LoadContext::list_files(bool recursive, const std::string& under) const {
  std::vector<std::string> out;
  fs::path base = under.empty() ? root() : root() / under;
  std::error_code ec;
  if (!fs::is_directory(base, ec)) return out;
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(base, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) out.push_back(relative_path_of(root(), it->path()));
    }
  } else {
    for (const auto& e : fs::directory_iterator(base, ec))
      if (!hidden(e.path()) && e.is_regular_file()) out.push_back(relative_path_of(root(), e.path()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> LoadContext::list_dirs(const std::string& under) const {
  std::vector<std::string> out;
  fs::path base = under.empty() ? root() : root() / under;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(base, ec))
    if (!hidden(e.path()) && e.is_directory()) out.push_back(relative_path_of(root(), e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

bool LoadContext::is_file(const std::string& relpath) const {
  std::error_code ec;
  return fs::is_regular_file(root() / relpath, ec);
}

bool LoadContext::is_dir(const std::string& relpath) const {
  std::error_code ec;
  return fs::is_directory(root() / relpath, ec);
}

std::string LoadContext::display(const std::string& relpath) const {
  if (options_.display_root.empty() || options_.display_root == ".") return relpath;
  std::string r = options_.display_root;
  if (r.back() != '/') r += '/';
  return r + relpath;
}

uint32_t LoadContext::read(const std::string& relpath) {
  if (auto it = read_.find(relpath); it != read_.end()) return it->second;
  std::optional<std::string> bytes = file_bytes(root() / relpath);
  if (!bytes) throw CompileError(diagnostic_in(Severity::Error, display(relpath), "cannot read file"));
  auto file = std::make_unique<SourceFile>(relpath, display(relpath), std::move(*bytes));
  if (expand_placeholders_) expand_placeholders(*file, {options_.placeholders, true});
  auto index = static_cast<uint32_t>(set_.files.size());
  set_.files.push_back(std::move(file));
  read_.emplace(relpath, index);
  return index;
}

uint32_t LoadContext::add_derived(uint32_t from, std::string text, std::vector<Replacement> map) {
  const SourceFile& src = set_.file(from);
  auto file = std::make_unique<SourceFile>(src.path(), src.display_path(), src.original());
  file->set_expanded(std::move(text), std::move(map));
  auto index = static_cast<uint32_t>(set_.files.size());
  set_.files.push_back(std::move(file));
  return index;
}

FormatLoader loader_for(Format f) {
  switch (f) {
    case Format::Plain: return load_plain;
    case Format::Yoyo: return load_yoyo;
    case Format::MigChain: return load_migchain;
    case Format::Migretti: return load_migretti;
    case Format::Dbmate: return load_dbmate;
    case Format::GolangMigrate: return load_golang_migrate;
    case Format::Goose: return load_goose;
    case Format::Flyway: return load_flyway;
    case Format::Diesel: return load_diesel;
    case Format::Pop: return load_pop;
    case Format::Prisma: return load_prisma;
    case Format::HyperDjango: return load_hyperdjango;
  }
  return load_plain;
}

void add_chain_edges(MigrationSet& set) {
  const Migration* prev = nullptr;
  for (auto& m : set.migrations) {
    if (m.kind != Kind::Schema) continue;
    if (prev) m.deps.push_back({.target = prev->id, .implicit = true});
    prev = &m;
  }
}

MigrationSet load_migrations(const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.root, ec))
    throw CompileError(diagnostic_in(Severity::Error, options.display_root, "not a directory"));
  MigrationSet set;
  set.root = options.display_root;
  if (options.format) {
    set.format = *options.format;
  } else {
    Detection d = detect_format(options.root);
    if (!d.format) throw CompileError(detection_failure(d, options.display_root));
    set.format = *d.format;
  }
  LoadContext ctx(options, set);
  if (set.format == Format::Flyway) ctx.set_expand_placeholders(true);
  loader_for(set.format)(ctx);
  if (set.migrations.empty())
    set.warnings.push_back(diagnostic_in(Severity::Warning, options.display_root,
                                         fmt::format("no {} migrations found", format_name(set.format))));
  // Ids must be unique: every later stage keys on them.
  std::map<std::string, const Migration*> seen;
  for (const auto& m : set.migrations) {
    auto [it, fresh] = seen.emplace(m.id, &m);
    if (!fresh) {
      Diagnostic d = diagnostic_in(Severity::Error, set.file(m.files.front()).display_path(),
                                   fmt::format("duplicate migration id '{}'", m.id));
      d.notes.push_back(diagnostic_in(Severity::Note, set.file(it->second->files.front()).display_path(),
                                      "first defined here"));
      throw CompileError(std::move(d));
    }
  }
  return set;
}

}  // namespace migc

namespace migc {

Block sql_block(const MigrationSet& set, uint32_t file, uint32_t begin, uint32_t end, TxMode tx) {
  return Block{tx, split_sql(set.file(file).text(), file, begin, end)};
}

Block file_block(const MigrationSet& set, uint32_t file, TxMode tx) {
  return sql_block(set, file, 0, static_cast<uint32_t>(set.file(file).text().size()), tx);
}

}  // namespace migc
