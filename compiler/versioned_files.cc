#include "compiler/versioned_files.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/natural_sort.h"

namespace migc {

namespace {

struct UpDown {
  const VersionedFile* up = nullptr;
  const VersionedFile* down = nullptr;
};

std::string_view direction_name(const VersionedFile& f) { return f.down ? "down" : "up"; }

Block versioned_block(LoadContext& ctx, Migration& m, const VersionedFile& f) {
  uint32_t index = ctx.read(f.path);
  m.files.push_back(index);
  return file_block(ctx.set(), index, f.tx);
}

}  // namespace

void warn_unmatched_sql(LoadContext& ctx, const std::string& path, std::string_view expected) {
  if (!path.ends_with(".sql")) return;
  Diagnostic d = diagnostic_in(Severity::Warning, ctx.display(path), "not a migration file name; ignored");
  d.hints.push_back(fmt::format("expected {}", expected));
  ctx.warn(std::move(d));
}

std::string required_file(const LoadContext& ctx, const std::string& dir, std::string_view file_name,
                          std::string_view tool) {
  std::string path = fmt::format("{}/{}", dir, file_name);
  if (ctx.is_file(path)) return path;
  Diagnostic d = diagnostic_in(Severity::Error, ctx.display(dir), fmt::format("migration folder without {}", file_name));
  d.hints.push_back(fmt::format("{} takes every subfolder for a migration: add {} or move the folder elsewhere", tool,
                                file_name));
  throw CompileError(std::move(d));
}

std::string name_after_version(const std::string& dir) {
  size_t underscore = dir.find('_');
  return underscore == std::string::npos ? dir : dir.substr(underscore + 1);
}

void add_versioned_migrations(LoadContext& ctx, Format format, const std::vector<VersionedFile>& files) {
  std::map<std::string, UpDown> by_key;
  for (const auto& f : files) {
    const VersionedFile*& slot = f.down ? by_key[f.key].down : by_key[f.key].up;
    if (slot) {
      Diagnostic d = diagnostic_in(Severity::Error, ctx.display(f.path),
                                   fmt::format("two {} files for version {}: {} and {}", direction_name(f), f.version,
                                               ctx.display(slot->path), ctx.display(f.path)));
      d.hints.push_back("each version takes one up file and at most one down file");
      throw CompileError(std::move(d));
    }
    slot = &f;
  }
  std::vector<const std::string*> keys;
  keys.reserve(by_key.size());
  for (const auto& entry : by_key) keys.push_back(&entry.first);
  std::sort(keys.begin(), keys.end(), [](const auto* a, const auto* b) { return natural_less(*a, *b); });

  for (const std::string* key : keys) {
    const UpDown& pair = by_key.at(*key);
    if (!pair.up) {
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(pair.down->path), "down file without an up file; ignored"));
      continue;
    }
    Migration m;
    m.id = pair.up->version;
    m.name = pair.up->name;
    m.format = format;
    m.up.push_back(versioned_block(ctx, m, *pair.up));
    if (pair.down) m.down = std::vector<Block>{versioned_block(ctx, m, *pair.down)};
    ctx.set().migrations.push_back(std::move(m));
  }
  add_chain_edges(ctx.set());
}

}  // namespace migc
