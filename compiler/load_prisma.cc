// Prisma Migrate (formats.md §12.3): every direct subfolder of the root is a migration whose
// script is `migration.sql` (a folder without one is an error); the folder name is the id.
// `migration_lock.toml` (optional) must name the postgresql provider. There are no down
// scripts; the engine sends each script as one multi-statement query, PostgreSQL's implicit
// transaction.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

constexpr const char* kLockFile = "migration_lock.toml";

// Prisma reads the provider the way schema-engine's migrations_directory.rs does: the first
// line that starts with `provider`, without a leading `provider = ` and surrounding quotes.
void check_lock_file(LoadContext& ctx) {
  if (!ctx.is_file(kLockFile)) return;
  const SourceFile& file = ctx.file(ctx.read(kLockFile));
  for (uint32_t number = 1;; ++number) {
    std::string_view line = file.original_line(number);
    if (line.data() == nullptr) break;
    if (!line.starts_with("provider")) continue;
    std::string_view value = line;
    if (value.starts_with("provider = ")) value.remove_prefix(11);
    while (!value.empty() && value.front() == '"') value.remove_prefix(1);
    while (!value.empty() && value.back() == '"') value.remove_suffix(1);
    if (value == "postgresql") return;
    auto offset = static_cast<uint32_t>(value.data() - file.original().data());
    Diagnostic d = diagnostic_at_original(Severity::Error, file, offset,
                                          fmt::format("Prisma provider '{}' is not PostgreSQL", value));
    d.hints.push_back("migc reads PostgreSQL migrations: provider = \"postgresql\"");
    throw CompileError(std::move(d));
  }
  Diagnostic d = diagnostic_in(Severity::Error, file.display_path(), "no provider line");
  d.hints.push_back("expected provider = \"postgresql\"");
  throw CompileError(std::move(d));
}

// Prisma orders folders with JavaScript's localeCompare, i.e. ICU collation, not byte order.
// For ASCII that is: compare the names ignoring case, with white space < punctuation and
// symbols (in ICU's order below) < digits < letters; when that ties, the first difference in
// case puts the lowercase letter first. Prisma's own names (a 14-digit timestamp, `_`, a
// snake_case name) sort the same either way, but hand-made ones need this: ICU puts `1_x`
// before `10_x` and `a_b` before `aB`, byte order the reverse. Non-ASCII bytes come last,
// in byte order (an approximation).
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

int collation_weight(char c) {
  static constexpr std::string_view kOrder =
      " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
  size_t at = kOrder.find(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return at == std::string_view::npos ? 256 + static_cast<unsigned char>(c) : static_cast<int>(at);
}

bool locale_less(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (int wa = collation_weight(a[i]), wb = collation_weight(b[i]); wa != wb) return wa < wb;
  if (a.size() != b.size()) return a.size() < b.size();
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return is_lower(a[i]);
  return false;
}

}  // namespace

void load_prisma(LoadContext& ctx) {
  check_lock_file(ctx);
  std::vector<std::string> dirs = ctx.list_dirs();
  std::sort(dirs.begin(), dirs.end(), locale_less);
  for (const auto& dir : dirs) {
    Migration m;
    m.id = dir;
    m.name = name_after_version(dir);
    m.format = Format::Prisma;
    uint32_t script = ctx.read(required_file(ctx, dir, "migration.sql", "Prisma"));
    m.files.push_back(script);
    m.up.push_back(file_block(ctx.set(), script, TxMode::Implicit));
    ctx.set().migrations.push_back(std::move(m));
  }
  add_chain_edges(ctx.set());
}

}  // namespace migc
