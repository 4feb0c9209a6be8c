// MigChain (formats.md §2): yoyo migrations in a tree of domain folders. Every folder that
// directly holds a `.py` migration is a yoyo source (its `.sql` files included); folders are
// read in path order, component by component. The domain is the first folder below the root
// ("root" for files in the root itself); an `inserters` folder below the root holds seeds.
#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/yoyo_migration.h"

namespace migc {

namespace {

std::vector<std::string_view> components(std::string_view dir) {
  std::vector<std::string_view> parts;
  while (!dir.empty()) {
    size_t slash = dir.find('/');
    parts.push_back(dir.substr(0, slash));
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(slash + 1);
  }
  return parts;
}

struct Folder {
  bool has_migration = false;  // a .py file other than __init__.py: MigChain reads the folder
  bool has_sql = false;
};

}  // namespace

void load_migchain(LoadContext& ctx) {
  std::map<std::string, Folder> folders;
  for (const auto& path : ctx.list_files(true)) {
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    std::string_view name = std::string_view(path).substr(slash + 1);
    if (name.ends_with(".py") && name != "__init__.py") folders[dir].has_migration = true;
    if (name.ends_with(".sql")) folders[dir].has_sql = true;
  }
  std::vector<std::string> sources;
  for (const auto& [dir, folder] : folders) {
    if (folder.has_migration) {
      sources.push_back(dir);
    } else if (folder.has_sql) {
      ctx.warn(diagnostic_in(Severity::Warning, dir.empty() ? ctx.set().root : ctx.display(dir),
                             "its .sql files are not read: MigChain only reads folders that hold a .py migration"));
    }
  }
  // pathlib.Path order: component by component, so "a/b" comes before "a-c".
  std::sort(sources.begin(), sources.end(),
            [](const std::string& a, const std::string& b) { return components(a) < components(b); });
  MigrationSet& set = ctx.set();
  for (const auto& dir : sources) {
    size_t first = set.migrations.size();
    read_yoyo_source(ctx, dir);
    std::vector<std::string_view> parts = components(dir);
    bool inserters = std::find(parts.begin(), parts.end(), "inserters") != parts.end();
    for (size_t i = first; i < set.migrations.size(); ++i) {
      Migration& m = set.migrations[i];
      m.domain = parts.empty() ? "root" : std::string(parts.front());
      if (inserters && m.kind == Kind::Schema) m.kind = Kind::Seed;
    }
  }
  check_yoyo_depends(set);
}

}  // namespace migc
