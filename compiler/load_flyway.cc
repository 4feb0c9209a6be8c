// Flyway (formats.md §7): every `.sql` file below the root whose name Flyway recognises —
// V<version>__<description> (versioned), U<version> (undo: the down part of V<version>),
// B<version> (baseline), R__<description> (repeatable) and callbacks named after an event
// (afterMigrate, …). Versioned migrations run in version order, then repeatables by
// description. `<script>.conf` beside a script sets executeInTransaction and
// placeholderReplacement; otherwise a script made only of statements PostgreSQL refuses inside a
// transaction runs without one. Other `.sql` files, such as a folder of hand-run rollback
// scripts without a prefix, are skipped by Flyway and warned about here.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compiler/flyway_version.h"
#include "compiler/loader.h"
#include "compiler/sql_split.h"
#include "compiler/text_lines.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

enum class ScriptType { Versioned, Undo, Baseline, Repeatable, Callback };

// api/callback/Event.java.
constexpr std::string_view kCallbackEvents[] = {
    "beforeClean",
    "afterClean",
    "afterCleanError",
    "beforeMigrate",
    "beforeEachMigrate",
    "beforeEachMigrateStatement",
    "afterEachMigrateStatement",
    "afterEachMigrateStatementError",
    "afterEachMigrate",
    "afterEachMigrateError",
    "beforeRepeatables",
    "afterVersioned",
    "afterMigrateApplied",
    "afterMigrate",
    "afterMigrateError",
    "beforeUndo",
    "beforeEachUndo",
    "beforeEachUndoStatement",
    "afterEachUndoStatement",
    "afterEachUndoStatementError",
    "afterEachUndo",
    "afterEachUndoError",
    "afterUndo",
    "afterUndoError",
    "beforeValidate",
    "afterValidate",
    "afterValidateError",
    "beforeBaseline",
    "afterBaseline",
    "afterBaselineError",
    "beforeRepair",
    "afterRepair",
    "afterRepairError",
    "beforeInfo",
    "afterInfo",
    "afterInfoError",
    "afterMigrateOperationFinish",
    "afterInfoOperationFinish",
    "createSchema",
    "beforeConnect",
};

constexpr std::string_view kExpectedNames =
    "V<version>__<description>.sql, U<version>__….sql, B<version>__….sql, R__<description>.sql or a callback "
    "such as afterMigrate.sql";

struct Script {
  std::string path;
  ScriptType type;
  std::string prefix;                    // "V", "R", "afterMigrate", …
  std::optional<FlywayVersion> version;  // V, U and B
  std::string raw_description;           // as written in the name
  std::string description;               // `_` read as a space, as Flyway shows it
};

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// internal/resource/ResourceNameParser.java: strip the suffix, take the longest prefix that
// matches, split the rest at the first "__". Versioned types need a version, the others none.
std::optional<Script> parse_script_name(const std::string& path) {
  std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  if (!iends_with(name, ".sql")) return std::nullopt;
  name.remove_suffix(4);
  Script s{path, ScriptType::Callback, "", std::nullopt, "", ""};
  for (std::string_view event : kCallbackEvents)
    if (name.starts_with(event) && event.size() > s.prefix.size()) s.prefix = event;
  if (s.prefix.empty()) {
    static const std::pair<char, ScriptType> letters[] = {{'V', ScriptType::Versioned},
                                                          {'U', ScriptType::Undo},
                                                          {'B', ScriptType::Baseline},
                                                          {'R', ScriptType::Repeatable}};
    for (auto [letter, type] : letters)
      if (name.starts_with(letter)) s = {path, type, std::string(1, letter), std::nullopt, "", ""};
    if (s.prefix.empty()) return std::nullopt;
  }
  std::string_view rest = name.substr(s.prefix.size());
  size_t sep = rest.find("__");
  std::string_view left = rest.substr(0, sep);
  s.raw_description = sep == std::string_view::npos ? "" : rest.substr(sep + 2);
  s.description = s.raw_description;
  std::replace(s.description.begin(), s.description.end(), '_', ' ');
  bool versioned = s.type == ScriptType::Versioned || s.type == ScriptType::Undo || s.type == ScriptType::Baseline;
  if (!versioned) return left.empty() ? std::optional(s) : std::nullopt;
  s.version = FlywayVersion::parse(left);
  return s.version ? std::optional(s) : std::nullopt;
}

// Reads a file as written: Flyway's loader turns placeholder expansion on for every file.
uint32_t read_verbatim(LoadContext& ctx, const std::string& path) {
  ctx.set_expand_placeholders(false);
  uint32_t f = ctx.read(path);
  ctx.set_expand_placeholders(true);
  return f;
}

// `<script>.conf` (internal/sqlscript/SqlScriptMetadata.java): `key=value` lines.
struct ScriptConfig {
  std::optional<uint32_t> file;
  std::optional<bool> execute_in_transaction;
  bool placeholder_replacement = true;
  std::map<std::string, std::string> values;
};

ScriptConfig read_script_config(LoadContext& ctx, const std::string& path) {
  ScriptConfig config;
  config.file = read_verbatim(ctx, path);
  const SourceFile& file = ctx.file(*config.file);
  std::string_view text = file.text();
  auto error = [&](uint32_t offset, std::string message, std::string hint) {
    Diagnostic d = diagnostic_at(Severity::Error, file, offset, std::move(message));
    d.hints.push_back(std::move(hint));
    return CompileError(std::move(d));
  };
  auto boolean = [&](std::string_view value, uint32_t at, std::string_view key) {
    if (value != "true" && value != "false")
      throw error(at, fmt::format("{}={} is neither true nor false", key, value),
                  "Flyway accepts only 'true' or 'false'");
    return value == "true";
  };
  for (const TextLine& line : text_lines(text)) {
    std::string_view content = trim_space(line_content(text, line));
    if (content.empty() || content[0] == '#' || content[0] == '!') continue;
    uint32_t key_at = first_non_space(text, line);
    size_t sep = content.find_first_of("=:");
    if (sep == std::string_view::npos)
      throw error(key_at, "expected key=value",
                  "a script configuration holds lines such as executeInTransaction=false");
    std::string key(trim_space(content.substr(0, sep)));
    std::string_view value = trim_space(content.substr(sep + 1));
    uint32_t value_at = key_at + static_cast<uint32_t>(value.empty() ? sep + 1 : value.data() - content.data());
    if (key == "executeInTransaction") {
      config.execute_in_transaction = boolean(value, value_at, key);
    } else if (key == "placeholderReplacement") {
      config.placeholder_replacement = boolean(value, value_at, key);
    } else if (key == "encoding") {
      std::string lower(value);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower != "utf-8" && lower != "utf8")
        ctx.warn(diagnostic_at(Severity::Warning, file, value_at,
                               fmt::format("encoding {}: migc reads every script as UTF-8", value)));
    } else if (key == "shouldExecute") {
      ctx.warn(diagnostic_at(Severity::Warning, file, key_at,
                             "shouldExecute (a Flyway Teams setting) is not evaluated: migc includes the script"));
    } else {
      throw error(key_at, fmt::format("unknown script configuration key '{}'", key),
                  "Flyway knows executeInTransaction, encoding, placeholderReplacement and shouldExecute");
    }
    config.values[key] = value;
  }
  return config;
}

// The statements flyway-database-postgresql's PostgreSQLParser cannot run in a transaction,
// matched on the first words of the statement (punctuation such as REINDEX's "(VERBOSE)" skipped).
bool cannot_run_in_transaction(std::string_view sql) {
  std::vector<std::string> w;
  for (size_t i = 0; i < sql.size() && w.size() < 4;) {
    if (!std::isalpha(static_cast<unsigned char>(sql[i]))) {
      if (sql[i] == ';') break;
      ++i;
      continue;
    }
    std::string word;
    for (; i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'); ++i)
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i])));
    w.push_back(std::move(word));
  }
  w.resize(4);
  auto in = [](const std::string& word, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), word) != options.end();
  };
  bool create_or_drop = in(w[0], {"CREATE", "DROP"});
  return (create_or_drop && in(w[1], {"DATABASE", "TABLESPACE", "SUBSCRIPTION"})) ||
         (w[0] == "ALTER" && w[1] == "SYSTEM") || (create_or_drop && w[1] == "INDEX" && w[2] == "CONCURRENTLY") ||
         (create_or_drop && w[1] == "UNIQUE" && w[2] == "INDEX" && w[3] == "CONCURRENTLY") ||
         (w[0] == "REINDEX" && (in(w[1], {"SCHEMA", "DATABASE", "SYSTEM"}) ||
                                (w[1] == "VERBOSE" && in(w[2], {"SCHEMA", "DATABASE", "SYSTEM"})))) ||
         w[0] == "VACUUM" || (w[0] == "DISCARD" && w[1] == "ALL");
}

// A script's statements and how Flyway sends them: the .conf decides, else a transaction unless
// every statement is one PostgreSQL refuses inside a transaction.
Block script_block(LoadContext& ctx, uint32_t file, const ScriptConfig& config) {
  const MigrationSet& set = ctx.set();
  Block block = file_block(set, file, TxMode::Transaction);
  if (config.execute_in_transaction) {
    block.tx = *config.execute_in_transaction ? TxMode::Transaction : TxMode::None;
    return block;
  }
  std::optional<uint32_t> first_outside;
  bool any_inside = false;
  for (const Statement& s : block.statements) {
    std::string_view text = set.file(file).text();
    uint32_t at = skip_blank_and_comments(text, s.begin, s.end);
    if (at == s.end) continue;
    if (!cannot_run_in_transaction(text.substr(at, s.end - at)))
      any_inside = true;
    else if (!first_outside)
      first_outside = at;
  }
  if (first_outside && !any_inside) {
    block.tx = TxMode::None;
  } else if (first_outside) {
    Diagnostic d = diagnostic_at(Severity::Warning, set.file(file), *first_outside,
                                 "this statement cannot run in a transaction, but others in the script must");
    d.hints.push_back(
        "Flyway refuses a script that mixes both unless mixed=true; put the statement in a script of "
        "its own, or add a .conf with executeInTransaction=false");
    ctx.warn(std::move(d));
  }
  return block;
}

// The script's blocks and files (the script first, then its .conf).
struct LoadedScript {
  Block block;
  std::vector<uint32_t> files;
  std::map<std::string, std::string> attrs;
};

LoadedScript load_script(LoadContext& ctx, const Script& s) {
  ScriptConfig config;
  if (std::string conf = s.path + ".conf"; ctx.is_file(conf)) config = read_script_config(ctx, conf);
  uint32_t f = config.placeholder_replacement ? ctx.read(s.path) : read_verbatim(ctx, s.path);
  LoadedScript loaded{script_block(ctx, f, config), {f}, config.values};
  if (config.file) loaded.files.push_back(*config.file);
  return loaded;
}

Migration script_migration(LoadContext& ctx, const Script& s, Kind kind, std::string id) {
  LoadedScript loaded = load_script(ctx, s);
  Migration m;
  m.id = std::move(id);
  m.name = s.description;
  m.format = Format::Flyway;
  m.kind = kind;
  m.up.push_back(std::move(loaded.block));
  m.files = std::move(loaded.files);
  m.attrs = std::move(loaded.attrs);
  if (s.version) m.attrs["version"] = s.version->display();
  m.attrs["description"] = s.description;
  return m;
}

CompileError duplicate_error(LoadContext& ctx, const Script& first, const Script& second, std::string what) {
  return CompileError(diagnostic_in(Severity::Error, ctx.display(second.path),
                                    fmt::format("found more than one migration with {}: {} and {}", what,
                                                ctx.display(first.path), ctx.display(second.path))));
}

using ByVersion = std::map<FlywayVersion, const Script*>;

void add_by_version(LoadContext& ctx, ByVersion& scripts, const Script& s) {
  if (auto [it, fresh] = scripts.emplace(*s.version, &s); !fresh)
    throw duplicate_error(ctx, *it->second, s, "version " + s.version->display());
}

// Flyway is linear: each versioned migration (the baseline first) follows the one before;
// repeatables come after the last of them, each after the previous one. Callbacks stay apart.
void add_flyway_edges(MigrationSet& set) {
  const Migration* last_versioned = nullptr;
  const Migration* last_repeatable = nullptr;
  auto edge = [](Migration& m, const Migration* target) {
    if (target) m.deps.push_back({.target = target->id, .implicit = true});
  };
  for (auto& m : set.migrations) {
    if (m.kind == Kind::Schema || m.kind == Kind::Baseline) {
      edge(m, last_versioned);
      last_versioned = &m;
    } else if (m.kind == Kind::Repeatable) {
      edge(m, last_versioned);
      edge(m, last_repeatable);
      last_repeatable = &m;
    }
  }
}

}  // namespace

void load_flyway(LoadContext& ctx) {
  const std::vector<std::string> paths = ctx.list_files(true);
  std::vector<Script> scripts;
  for (const auto& path : paths) {
    if (std::optional<Script> s = parse_script_name(path))
      scripts.push_back(std::move(*s));
    else if (iends_with(path, ".sql"))
      warn_unmatched_sql(ctx, path, kExpectedNames);
  }
  const std::set<std::string> present(paths.begin(), paths.end());
  for (const auto& path : paths)
    if (iends_with(path, ".sql.conf") && !present.count(path.substr(0, path.size() - 5)))
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(path), "script configuration without its script; ignored"));

  ByVersion versioned, undos, baselines;
  std::map<std::string, const Script*> repeatables;  // by description: byte order, which is
                                                     // Java's UTF-16 order outside rare planes
  std::vector<const Script*> callbacks;
  for (const Script& s : scripts) {
    switch (s.type) {
      case ScriptType::Versioned:
        add_by_version(ctx, versioned, s);
        break;
      case ScriptType::Undo:
        add_by_version(ctx, undos, s);
        break;
      case ScriptType::Baseline:
        add_by_version(ctx, baselines, s);
        break;
      case ScriptType::Repeatable:
        if (auto [it, fresh] = repeatables.emplace(s.description, &s); !fresh)
          throw duplicate_error(ctx, *it->second, s, fmt::format("description '{}'", s.description));
        break;
      case ScriptType::Callback:
        callbacks.push_back(&s);
        break;
    }
  }

  MigrationSet& set = ctx.set();
  // From an empty database Flyway runs the latest baseline instead of the versions it covers.
  std::optional<FlywayVersion> baseline;
  if (!baselines.empty()) {
    const Script& b = *baselines.rbegin()->second;
    baseline = *b.version;
    for (const auto& [v, older] : baselines)
      if (older != &b)
        ctx.warn(diagnostic_in(Severity::Warning, ctx.display(older->path),
                               fmt::format("baseline {} is superseded by baseline {} ({}); left out", v.display(),
                                           baseline->display(), ctx.display(b.path))));
    auto covered_end = versioned.upper_bound(*baseline);
    if (auto n = std::distance(versioned.begin(), covered_end); n > 0)
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(b.path),
                             fmt::format("baseline {} replaces {} versioned migration{} ({} to {}) when deploying "
                                         "from an empty database; they are left out",
                                         baseline->display(), n, n == 1 ? "" : "s", versioned.begin()->first.display(),
                                         std::prev(covered_end)->first.display())));
    versioned.erase(versioned.begin(), covered_end);
    set.migrations.push_back(script_migration(ctx, b, Kind::Baseline, baseline->display()));
  }
  for (const auto& [v, s] : versioned) {
    Migration m = script_migration(ctx, *s, Kind::Schema, v.display());
    if (auto u = undos.find(v); u != undos.end()) {
      LoadedScript undo = load_script(ctx, *u->second);
      m.down = std::vector<Block>{std::move(undo.block)};
      m.files.insert(m.files.end(), undo.files.begin(), undo.files.end());
    }
    set.migrations.push_back(std::move(m));
  }
  for (const auto& [v, u] : undos)
    if (!versioned.count(v) && !(baseline && v <= *baseline))
      ctx.warn(diagnostic_in(Severity::Warning, ctx.display(u->path),
                             fmt::format("undo migration without a versioned migration {}; ignored", v.display())));
  for (const auto& [description, s] : repeatables)
    set.migrations.push_back(script_migration(ctx, *s, Kind::Repeatable, "R__" + s->raw_description));
  for (const Script* s : callbacks) {
    std::string id = s->path.substr(0, s->path.size() - 4);
    set.migrations.push_back(script_migration(ctx, *s, Kind::Callback, id));
    Diagnostic d = diagnostic_in(Severity::Warning, ctx.display(s->path),
                                 fmt::format("Flyway callback '{}' is kept but not placed in the deploy order", id));
    d.hints.push_back(fmt::format("Flyway runs it on its {} event", s->prefix));
    ctx.warn(std::move(d));
  }
  add_flyway_edges(set);
}

}  // namespace migc
