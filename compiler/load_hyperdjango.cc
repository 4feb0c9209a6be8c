// hyperdjango — migc's own rule, as the format has no reference in formats.md:
//   * every `.sql` file directly in the root is a migration, ordered by natural sort of the
//     file name (compiler/natural_sort.h); id = the file name without `.sql`;
//   * a file holds a line `-- UP` and, after it, optionally a line `-- DOWN` (the whole line,
//     trimmed, compared case-insensitively); the UP section runs to the DOWN line or the end of
//     the file, the DOWN section from there to the end;
//   * before `-- UP` only blank lines and comments may stand (nothing there would run);
//     a file without `-- UP` is an error at line 1;
//   * each section runs in one transaction; the order is a chain.
#include <algorithm>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/natural_sort.h"
#include "compiler/sql_split.h"
#include "compiler/text_lines.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

struct Markers {
  std::optional<TextLine> up;
  std::optional<TextLine> down;
};

Markers find_markers(const SourceFile& file) {
  std::string_view text = file.text();
  Markers m;
  for (const TextLine& line : text_lines(text)) {
    std::string marker = ascii_lower(trim_space(line_content(text, line)));
    if (marker != "-- up" && marker != "-- down") continue;
    if (marker == "-- up" && m.up)
      throw CompileError(
          diagnostic_at(Severity::Error, file, line.begin, "a second '-- UP' line: a file has one UP section"));
    if (marker == "-- down" && m.down)
      throw CompileError(
          diagnostic_at(Severity::Error, file, line.begin, "a second '-- DOWN' line: a file has one DOWN section"));
    if (marker == "-- down" && !m.up)
      throw CompileError(
          diagnostic_at(Severity::Error, file, line.begin, "'-- DOWN' before '-- UP': the UP section comes first"));
    (marker == "-- up" ? m.up : m.down) = line;
  }
  if (!m.up) {
    Diagnostic d =
        diagnostic_at(Severity::Error, file, 0, "no '-- UP' line: a hyperdjango migration needs an UP section");
    d.hints.push_back("put a line '-- UP' before the migration's SQL, and '-- DOWN' before the SQL that undoes it");
    throw CompileError(std::move(d));
  }
  return m;
}

Migration read_migration(LoadContext& ctx, const std::string& path) {
  Migration m;
  m.id = m.name = path.substr(0, path.size() - 4);
  m.format = Format::HyperDjango;
  uint32_t f = ctx.read(path);
  m.files.push_back(f);
  const SourceFile& file = ctx.file(f);
  std::string_view text = file.text();
  Markers markers = find_markers(file);
  if (uint32_t sql = skip_blank_and_comments(text, 0, markers.up->begin); sql < markers.up->begin)
    throw CompileError(diagnostic_at(Severity::Error, file, sql,
                                     "SQL before the '-- UP' line: it belongs to no section and would never run"));
  auto size = static_cast<uint32_t>(text.size());
  uint32_t up_end = markers.down ? markers.down->begin : size;
  m.up.push_back(sql_block(ctx.set(), f, markers.up->next, up_end, TxMode::Transaction));
  if (markers.down) m.down = std::vector<Block>{sql_block(ctx.set(), f, markers.down->next, size, TxMode::Transaction)};
  return m;
}

}  // namespace

void load_hyperdjango(LoadContext& ctx) {
  std::vector<std::string> paths;
  for (auto& path : ctx.list_files(false))
    if (path.ends_with(".sql")) paths.push_back(std::move(path));
  std::sort(paths.begin(), paths.end(), natural_less);
  for (const auto& path : paths) ctx.set().migrations.push_back(read_migration(ctx, path));
  add_chain_edges(ctx.set());
}

}  // namespace migc
