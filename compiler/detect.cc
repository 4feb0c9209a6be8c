// Format autodetection (formats.md §13), adapted to the formats migc reads.
//
// One pass over the tree: the file list alone gives the structure and name signals; then, unless
// a directory-structure format already decided, each .sql and .py file is read once, line by
// line, and only until it has given its signal (headers are at the top; goose and dbmate
// markers may sit anywhere, so a file with no marker is read to its end).
//
// Precedence (§13.2): structure → content markers → file names → yoyo family → plain. migc's own
// decisions on top of §13:
//  * Several content markers of *different* formats in one directory: no winner (the readers
//    would each drop the other format's files). Markers are the S6–S10 lines and hyperdjango's
//    `-- UP`; yoyo's `-- depends:` headers are a lower tier, not a rival.
//  * A flat format (its tool reads only the directory it is given) whose files all sit in
//    subfolders does not win either: the user pointed at the parent, and its reader would find
//    nothing. The reason names the folders.
//  * atlas.sum also sits beside the golang-migrate, goose, dbmate, Flyway and Liquibase
//    directories Atlas lints, so it decides only when no content marker or name pattern does
//    (§13.2 says so for content markers; Atlas lints name-pattern formats just as well).
//  * golang-migrate names (S12) win only when golang-migrate would accept the directory. The
//    plain reader pairs `.up`/`.down` and `_up`/`_down` files itself, so it reads what
//    golang-migrate would refuse (repeated versions, other names, subfolders).
//  * Numbered .sql files with no marker (S16) are `plain`: migc's plain format is exactly that.
//  * migretti's ULID names (S15) are not used: migretti needs `-- migrate: up` in every file,
//    and that marker is the stronger signal.
#include "compiler/detect.h"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "compiler/file_bytes.h"
#include "compiler/loader.h"
#include "compiler/text_ranges.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

// Every tool the detector recognises, in precedence order.
enum class Tool {
  Sqitch, Sourcegraph, Prisma, Diesel, Graphile, Atlas,            // directory structure
  Liquibase, Goose, Dbmate, Migretti, NodePgMigrate, HyperDjango,  // content markers
  Flyway, Pop, GolangMigrate,                                      // file names
  MigChain, Yoyo,                                                  // yoyo family
  Plain,
};

constexpr Tool kStructureTools[] = {Tool::Sqitch, Tool::Sourcegraph, Tool::Prisma, Tool::Diesel, Tool::Graphile};
constexpr Tool kContentTools[] = {Tool::Liquibase, Tool::Goose, Tool::Dbmate, Tool::Migretti,
                                  Tool::NodePgMigrate, Tool::HyperDjango};

struct ToolInfo {
  std::string_view name;
  std::optional<Format> format;  // nullopt: recognised, but migc cannot read it yet
  bool flat;                     // the tool reads only the files directly in its directory
};

ToolInfo tool_info(Tool t) {
  switch (t) {
    case Tool::Sqitch: return {"sqitch", std::nullopt, false};
    case Tool::Sourcegraph: return {"sourcegraph", std::nullopt, false};
    case Tool::Prisma: return {"prisma", Format::Prisma, false};
    case Tool::Diesel: return {"diesel", Format::Diesel, false};
    case Tool::Graphile: return {"graphile-migrate", std::nullopt, false};
    case Tool::Atlas: return {"atlas", std::nullopt, false};
    case Tool::Liquibase: return {"liquibase", std::nullopt, false};
    case Tool::Goose: return {"goose", Format::Goose, true};
    case Tool::Dbmate: return {"dbmate", Format::Dbmate, true};
    case Tool::Migretti: return {"migretti", Format::Migretti, true};
    case Tool::NodePgMigrate: return {"node-pg-migrate", std::nullopt, true};
    case Tool::HyperDjango: return {"hyperdjango", Format::HyperDjango, true};
    case Tool::Flyway: return {"flyway", Format::Flyway, false};
    case Tool::Pop: return {"pop", Format::Pop, true};
    case Tool::GolangMigrate: return {"golang-migrate", Format::GolangMigrate, true};
    case Tool::MigChain: return {"migchain", Format::MigChain, false};
    case Tool::Yoyo: return {"yoyo", Format::Yoyo, true};
    case Tool::Plain: return {"plain", Format::Plain, false};
  }
  return {"plain", Format::Plain, false};
}

std::string parent_of(const std::string& relpath) {
  auto slash = relpath.rfind('/');
  return slash == std::string::npos ? "" : relpath.substr(0, slash);
}

std::string basename_of(const std::string& relpath) { return relpath.substr(relpath.rfind('/') + 1); }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// What made the detector think of one tool: the first few pieces (shown to the user), how many
// there were, and the folders they came from.
struct Evidence {
  static constexpr size_t kShown = 3;
  std::vector<std::string> pieces;
  size_t total = 0;
  std::set<std::string> dirs;  // "" is the root

  void add(const std::string& relpath, std::string piece) {
    if (pieces.size() < kShown) pieces.push_back(std::move(piece));
    ++total;
    dirs.insert(parent_of(relpath));
  }
  std::vector<std::string> shown() const {
    std::vector<std::string> out = pieces;
    if (total > pieces.size()) out.push_back(fmt::format("and {} more", total - pieces.size()));
    return out;
  }
};

using Findings = std::map<Tool, Evidence>;

struct Tree {
  std::vector<std::string> files;  // every file below the root (hidden ones skipped), sorted
  std::vector<std::string> sql;
  std::vector<std::string> py;
};

std::string_view trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\f\v");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\f\v") - b + 1);
}

bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [&](char x, char y) { return lower(x) == lower(y); });
}

// "file:line: text" for a matching line, cut so one hint stays on one line.
std::string line_evidence(const std::string& relpath, uint32_t line, std::string_view text) {
  constexpr size_t kMax = 72;
  if (text.size() <= kMax) return fmt::format("{}:{}: {}", relpath, line, text);
  return fmt::format("{}:{}: {}...", relpath, line, text.substr(0, kMax));
}

// Calls `visit` with each numbered line of a file (1-based; '\n' ends a line and a '\r' before
// it is dropped; a last line without '\n' counts) until it returns false. Nothing when the file
// cannot be read.
void for_each_line(const fs::path& path, const std::function<bool(uint32_t, std::string_view)>& visit) {
  std::optional<std::string> bytes = file_bytes(path);
  if (!bytes) return;
  std::string_view rest = *bytes;
  for (uint32_t n = 1; !rest.empty(); ++n) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!visit(n, line)) return;
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
}

std::string first_line(const fs::path& path) {
  std::string out;
  for_each_line(path, [&](uint32_t, std::string_view line) {
    out = line;
    return false;
  });
  return out;
}

bool search(std::string_view line, const std::regex& re) { return std::regex_search(line.begin(), line.end(), re); }

// S1–S5 and diesel: marker files and the shape of the direct subfolders.
void scan_structure(const LoadContext& ctx, const Tree& tree, Findings& found) {
  for (const char* marker : {"sqitch.plan", "sqitch.conf"})
    if (ctx.is_file(marker)) found[Tool::Sqitch].add(marker, marker);
  if (found.count(Tool::Sqitch) && ctx.is_dir("deploy")) found[Tool::Sqitch].add("deploy/", "deploy/");

  std::map<std::string, std::set<std::string>> subdirs;  // direct subfolder → its file names
  bool loose_sql = false;
  for (const auto& f : tree.files) {
    std::string dir = parent_of(f);
    if (dir.empty()) loose_sql = loose_sql || f.ends_with(".sql");
    else if (dir.find('/') == std::string::npos) subdirs[dir].insert(basename_of(f));
  }
  static const std::regex sourcegraph_dir(R"(^\d+(_.*)?$)");
  static const std::regex diesel_dir(R"(^\d[\d-]*_.+$)");
  std::vector<std::string> prisma_scripts;
  for (const auto& [dir, names] : subdirs) {
    bool metadata = names.count("metadata.yaml") > 0;
    if (metadata && names.count("up.sql") && names.count("down.sql") && std::regex_match(dir, sourcegraph_dir))
      found[Tool::Sourcegraph].add(dir + "/metadata.yaml", dir + "/metadata.yaml");
    if (!metadata && names.count("up.sql") && std::regex_match(dir, diesel_dir))
      found[Tool::Diesel].add(dir + "/up.sql", dir + "/up.sql");
    if (names.count("migration.sql")) prisma_scripts.push_back(dir + "/migration.sql");
  }
  bool prisma_lock = ctx.is_file("migration_lock.toml");
  if (prisma_lock) found[Tool::Prisma].add("migration_lock.toml", "migration_lock.toml");
  if (!prisma_scripts.empty() && (prisma_lock || !loose_sql))
    for (const auto& script : prisma_scripts) found[Tool::Prisma].add(script, script);

  static const std::regex graphile_name(R"(^\d+(-[-_a-zA-Z0-9]*)?\.sql$)");
  for (const auto& f : tree.sql) {
    if (parent_of(f) != "committed" || !std::regex_match(basename_of(f), graphile_name)) continue;
    std::string line = first_line(ctx.root() / f);
    if (line.starts_with("--! Previous:")) found[Tool::Graphile].add(f, line_evidence(f, 1, line));
  }
  for (const char* marker : {".gmrc", "current.sql"})
    if (ctx.is_file(marker)) found[Tool::Graphile].add(marker, marker);

  static const std::regex atlas_sum(R"(^h1:[A-Za-z0-9+/]+=*$)");
  if (ctx.is_file("atlas.sum")) {
    std::string line = first_line(ctx.root() / "atlas.sum");
    if (std::regex_match(line, atlas_sum)) found[Tool::Atlas].add("atlas.sum", line_evidence("atlas.sum", 1, line));
  }
}

bool structure_decides(const Findings& found) {
  return std::any_of(std::begin(kStructureTools), std::end(kStructureTools),
                     [&](Tool t) { return found.count(t) > 0; });
}

// yoyo signals in a subfolder mean MigChain's domain tree (S14); in the root, plain yoyo (S13).
Tool yoyo_family(const std::string& relpath) {
  return relpath.find('/') == std::string::npos ? Tool::Yoyo : Tool::MigChain;
}

// S11, pop, S12, and the yoyo family's file names (S13, S14).
void scan_names(const LoadContext& ctx, const Tree& tree, Findings& found) {
  static const std::regex flyway(R"(^([VUB]\d+([._]\d+)*|R)__.*\.sql$)");
  static const std::regex pop(
      R"(^\d+_.+\.((postgres|cockroach|mysql|sqlite3)(\.autocommit)?|autocommit)\.(up|down)\.sql$)");
  static const std::regex golang_migrate(R"(^\d+_.*\.(up|down)\.sql$)");
  for (const auto& f : tree.files) {
    std::string name = basename_of(f);
    if (name.ends_with(".sql.conf") || (name.ends_with(".sql") && std::regex_match(name, flyway)))
      found[Tool::Flyway].add(f, f);
    if (!name.ends_with(".sql")) continue;
    if (std::regex_match(name, pop)) found[Tool::Pop].add(f, f);
    else if (std::regex_match(name, golang_migrate)) found[Tool::GolangMigrate].add(f, f);
    if (name.ends_with(".rollback.sql")) found[yoyo_family(f)].add(f, f);
  }
  if (ctx.is_file("yoyo.ini")) found[Tool::Yoyo].add("yoyo.ini", "yoyo.ini");
  // MigChain seeds live in `inserters/` folders (§2); one piece of evidence per folder.
  std::set<std::string> inserters;
  for (const auto& f : tree.files) {
    std::string dir = parent_of(f);
    // Framed in slashes so that only a whole `inserters` component matches.
    if (auto at = ("/" + dir + "/").find("/inserters/"); at != std::string::npos)
      inserters.insert(dir.substr(0, at + std::string_view("inserters").size()));
  }
  for (const auto& dir : inserters) found[Tool::MigChain].add(dir + "/", dir + "/");
}

// The content markers of one .sql file (S6–S10, hyperdjango's `-- UP`, yoyo's header
// directives). Stops at the first marker: one file speaks for one tool.
void scan_sql_file(const fs::path& root, const std::string& relpath, Findings& found) {
  static const std::regex goose_up(R"(^--\s*\+goose\s+[Uu][Pp]\s*$)");
  static const std::regex dbmate_up(R"(^--\s*migrate:up(\s*$|\s+\S))");
  static const std::regex liquibase(R"(^\s*--\s*liquibase\s*formatted)", std::regex::icase);
  static const std::regex node_pg_migrate(R"(^\s*--[\s-]*up\s+migration)", std::regex::icase);
  static const std::regex yoyo_directive(R"(^\s*--\s*(transactional|depends)\s*:)");
  bool in_header = true;  // the leading blank and `--` lines, where headers live (§13.2)
  bool first = true;      // the first non-blank line
  for_each_line(root / relpath, [&](uint32_t n, std::string_view line) {
    std::string_view text = trim(line);
    if (text.empty()) return true;
    bool was_first = std::exchange(first, false);
    if (!text.starts_with("--")) {
      in_header = false;
      return true;
    }
    auto mark = [&](Tool t) {
      found[t].add(relpath, line_evidence(relpath, n, text));
      return false;
    };
    // goose and dbmate markers count anywhere in the file (both need column 0).
    if (line.find("+goose") != std::string_view::npos && search(line, goose_up)) return mark(Tool::Goose);
    if (line.find("migrate:up") != std::string_view::npos && search(line, dbmate_up)) return mark(Tool::Dbmate);
    if (!in_header) return true;
    if (was_first && search(line, liquibase)) return mark(Tool::Liquibase);
    if (text.starts_with("-- migrate: up")) return mark(Tool::Migretti);  // migretti's own strip().startswith
    if (mentions(line, "migration") && search(line, node_pg_migrate)) return mark(Tool::NodePgMigrate);
    if (iequals(text, "-- up")) return mark(Tool::HyperDjango);
    if (line.find(':') != std::string_view::npos && search(line, yoyo_directive)) return mark(yoyo_family(relpath));
    return true;
  });
}

// S13 for .py files: a module-level yoyo import, `__depends__` or `steps`.
void scan_py_file(const fs::path& root, const std::string& relpath, Findings& found) {
  static const std::regex yoyo_module(R"(^(from\s+yoyo\s+import\b|import\s+yoyo\b|__depends__\s*=|steps\s*=))");
  for_each_line(root / relpath, [&](uint32_t n, std::string_view line) {
    if (!search(line, yoyo_module)) return true;
    found[yoyo_family(relpath)].add(relpath, line_evidence(relpath, n, trim(line)));
    return false;
  });
}

// Why golang-migrate would refuse the directory (empty when it would accept it).
Evidence golang_migrate_refusals(const std::vector<std::string>& sql) {
  static const std::regex name(R"(^(\d+)_.*\.(up|down)\.sql$)");
  Evidence refusals;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (version, direction) → file
  for (const auto& f : sql) {
    std::smatch m;
    if (f.find('/') != std::string::npos) {
      refusals.add(f, fmt::format("{} is in a subfolder, which golang-migrate does not read", f));
    } else if (!std::regex_match(f, m, name)) {
      refusals.add(f, fmt::format("{} is not named <version>_<title>.up.sql or .down.sql", f));
    } else {
      std::string version = m[1].str();  // golang-migrate compares versions as numbers
      version.erase(0, std::min(version.find_first_not_of('0'), version.size() - 1));
      auto [it, fresh] = seen.emplace(std::pair{version, m[2].str()}, f);
      if (!fresh) refusals.add(f, fmt::format("{} repeats version {} ({}) of {}", f, version, m[2].str(), it->second));
    }
  }
  return refusals;
}

// Every readable format with a signal, `winner` first, the rest in precedence order.
std::vector<Candidate> candidates(const Findings& found, std::optional<Tool> winner) {
  std::vector<Candidate> out;
  auto add = [&](Tool t) {
    if (auto format = tool_info(t).format) out.push_back({*format, found.at(t).shown()});
  };
  if (winner) add(*winner);
  for (const auto& [tool, evidence] : found)
    if (tool != winner) add(tool);
  return out;
}

Detection failure(std::string reason, const Findings& found) {
  Detection d;
  d.reason = std::move(reason);
  d.candidates = candidates(found, std::nullopt);
  return d;
}

bool tool_reads(Tool t, const std::string& dir) { return dir.empty() || (t == Tool::Migretti && dir == "migrations"); }

Detection settle(Tool winner, const Findings& found) {
  ToolInfo info = tool_info(winner);
  const Evidence& evidence = found.at(winner);
  if (!info.format)
    return failure(fmt::format("format {} is not supported yet ({})", info.name, join(evidence.shown(), "; ")), found);
  if (info.flat && std::none_of(evidence.dirs.begin(), evidence.dirs.end(),
                                [&](const std::string& dir) { return tool_reads(winner, dir); })) {
    Evidence dirs;
    for (const auto& dir : evidence.dirs) dirs.add(dir + "/", dir + "/");
    return failure(fmt::format("its {} migrations are in {} ({}), and {} reads only the folder it is given: "
                               "point migc at the folder that holds them",
                               info.name, dirs.total == 1 ? "a subfolder" : "subfolders", join(dirs.shown(), ", "),
                               info.name),
                   found);
  }
  Detection d;
  d.format = info.format;
  d.candidates = candidates(found, winner);
  return d;
}

Detection ambiguous(const std::vector<Tool>& tools, const Findings& found) {
  std::vector<std::string> names;
  for (Tool t : tools) {
    ToolInfo info = tool_info(t);
    names.push_back(info.format ? std::string(info.name)
                                : fmt::format("{} (not supported yet: {})", info.name,
                                              join(found.at(t).shown(), "; ")));
  }
  return failure(fmt::format("it holds files with markers of different formats: {}; one directory must use one format",
                             join(names, ", ")),
                 found);
}

Detection decide(const Tree& tree, Findings& found) {
  for (Tool t : kStructureTools)
    if (found.count(t)) return settle(t, found);
  std::vector<Tool> markers;
  for (const auto& [tool, evidence] : found)
    if (std::find(std::begin(kContentTools), std::end(kContentTools), tool) != std::end(kContentTools))
      markers.push_back(tool);
  if (markers.size() > 1) return ambiguous(markers, found);
  if (markers.size() == 1) return settle(markers.front(), found);
  for (Tool t : {Tool::Flyway, Tool::Pop})
    if (found.count(t)) return settle(t, found);
  Evidence refusals;
  if (found.count(Tool::GolangMigrate)) {
    refusals = golang_migrate_refusals(tree.sql);
    if (refusals.total == 0) return settle(Tool::GolangMigrate, found);
  }
  for (Tool t : {Tool::Atlas, Tool::MigChain, Tool::Yoyo})
    if (found.count(t)) return settle(t, found);
  if (tree.sql.empty()) return failure("no migrations found", found);
  if (refusals.total == 0)
    for (const auto& f : tree.sql) refusals.add(f, f);
  found[Tool::Plain] = std::move(refusals);
  return settle(Tool::Plain, found);
}

}  // namespace

Detection detect_format(const fs::path& root) {
  LoadOptions options{root};
  MigrationSet unused;
  const LoadContext ctx(options, unused);  // for its file listing (hidden entries skipped)
  Tree tree;
  tree.files = ctx.list_files(true);
  for (const auto& f : tree.files) {
    if (f.ends_with(".sql")) tree.sql.push_back(f);
    if (f.ends_with(".py")) tree.py.push_back(f);
  }
  Findings found;
  scan_structure(ctx, tree, found);
  scan_names(ctx, tree, found);
  if (!structure_decides(found)) {
    for (const auto& f : tree.sql) scan_sql_file(root, f, found);
    for (const auto& f : tree.py) scan_py_file(root, f, found);
  }
  return decide(tree, found);
}

Diagnostic detection_failure(const Detection& d, const std::string& display_root) {
  // No file position: the message names the directory itself.
  Diagnostic diag = diagnostic_in(Severity::Error, "",
                                  fmt::format("cannot tell the migration format of {}: {}", display_root, d.reason));
  for (const auto& c : d.candidates)
    diag.hints.push_back(fmt::format("{}: {}", format_name(c.format), join(c.evidence, "; ")));
  std::vector<std::string> names;
  for (Format f : all_formats()) names.emplace_back(format_name(f));
  diag.hints.push_back(fmt::format("pass --dir-format NAME (one of: {})", join(names, ", ")));
  return diag;
}

}  // namespace migc
