// dbmate (formats.md §4): files of the root whose name matches `^(\d+).*\.sql$`, in byte order of
// the name; the leading digits are the version. A file is one or more sections, each opened by
// `-- migrate:up` and holding exactly one `-- migrate:down`; every up section is a block of the
// migration and every down section a block of its down part. `transaction:false` after a
// directive runs that block outside a transaction.
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/text_lines.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

enum class Direction { Up, Down };

struct Directive {
  Direction direction;
  uint32_t line_begin;     // the directive line in the file's text
  uint32_t options_begin;  // the rest of that line
  uint32_t options_end;
};

// `^--\s*migrate:(up|down)(\s*$|\s+\S+)`: at column 0, case-sensitive, no space after the colon.
std::optional<Directive> directive(std::string_view text, const TextLine& line) {
  std::string_view content = line_content(text, line);
  if (!content.starts_with("--")) return std::nullopt;
  size_t i = 2;
  while (i < content.size() && is_space(content[i])) ++i;
  for (auto [word, direction] : {std::pair{std::string_view("migrate:up"), Direction::Up},
                                 std::pair{std::string_view("migrate:down"), Direction::Down}}) {
    if (content.substr(i, word.size()) != word) continue;
    size_t rest = i + word.size();
    if (rest < content.size() && !is_space(content[rest])) return std::nullopt;  // e.g. "migrate:upgrade"
    return Directive{direction, line.begin, line.begin + static_cast<uint32_t>(rest), line.end};
  }
  return std::nullopt;
}

struct Section {
  Directive up;
  std::optional<Directive> down;
};

class DbmateFile {
 public:
  DbmateFile(LoadContext& ctx, uint32_t file) : ctx_(ctx), file_(file), text_(ctx.file(file).text()) {}

  void parse(Migration& m) {
    std::vector<Section> sections = find_sections();
    const MigrationSet& set = ctx_.set();
    auto eof = static_cast<uint32_t>(text_.size());
    std::vector<Block> down;
    for (size_t i = 0; i < sections.size(); ++i) {
      const Section& s = sections[i];
      uint32_t section_end = i + 1 < sections.size() ? sections[i + 1].up.line_begin : eof;
      m.up.push_back(sql_block(set, file_, s.up.line_begin, s.down->line_begin, tx_mode(s.up)));
      down.push_back(sql_block(set, file_, s.down->line_begin, section_end, tx_mode(*s.down)));
    }
    m.down = std::move(down);
    if (sections.size() > 1) {
      Diagnostic d = diagnostic_at(
          Severity::Warning, ctx_.file(file_), sections[1].up.line_begin,
          fmt::format("{} up sections in one file: migc runs them as the steps of one migration", sections.size()));
      d.hints.push_back(
          "dbmate records the version once per section, so its second section fails on the "
          "schema_migrations primary key (verified with dbmate 2.36.0)");
      ctx_.warn(std::move(d));
    }
  }

 private:
  std::vector<Section> find_sections() const {
    std::vector<Section> sections;
    for (const TextLine& line : text_lines(text_)) {
      std::optional<Directive> d = directive(text_, line);
      if (d && d->direction == Direction::Up) {
        sections.push_back({*d, std::nullopt});
      } else if (d) {
        if (sections.empty())
          throw error_at(line.begin, "'-- migrate:down' before '-- migrate:up'",
                         "dbmate requires '-- migrate:up' to appear before '-- migrate:down'");
        if (sections.back().down)
          throw error_at(line.begin, "second '-- migrate:down' in one section",
                         "each '-- migrate:up' section holds exactly one '-- migrate:down'");
        sections.back().down = d;
      } else if (sections.empty()) {
        std::string_view t = trim_space(line_content(text_, line));
        if (!t.empty() && !t.starts_with("--"))
          throw error_at(first_non_space(text_, line), "statement before '-- migrate:up'",
                         "dbmate allows only blank lines and '--' comments before the first '-- migrate:up'");
      }
    }
    if (sections.empty()) {
      Diagnostic d = diagnostic_in(Severity::Error, ctx_.file(file_).display_path(), "no '-- migrate:up' directive");
      d.hints.push_back("a dbmate migration starts with a line '-- migrate:up' (at column 1, lower case)");
      throw CompileError(std::move(d));
    }
    for (const Section& s : sections)
      if (!s.down)
        throw error_at(s.up.line_begin, "'-- migrate:up' section without '-- migrate:down'",
                       "dbmate requires a '-- migrate:down' in every section (it may be followed by nothing)");
    return sections;
  }

  // The directive's options, `key:value` tokens; only `transaction` means anything to dbmate.
  TxMode tx_mode(const Directive& d) const {
    TxMode tx = TxMode::Transaction;
    std::optional<uint32_t> ignored_at;
    std::string ignored;
    constexpr std::string_view kTransaction = "transaction:";
    for (uint32_t i = d.options_begin; i < d.options_end;) {
      while (i < d.options_end && is_space(text_[i])) ++i;
      uint32_t j = i;
      while (j < d.options_end && !is_space(text_[j])) ++j;
      std::string_view token = std::string_view(text_).substr(i, j - i);
      if (token.empty()) break;
      if (!token.starts_with(kTransaction)) {
        if (!ignored_at) ignored_at = i;
        ignored += ignored.empty() ? std::string(token) : " " + std::string(token);
      } else if (std::string_view value = token.substr(kTransaction.size()); value == "false") {
        tx = TxMode::Implicit;  // one Exec: PostgreSQL's implicit transaction when several statements
      } else if (value != "true") {
        throw error_at(i + static_cast<uint32_t>(kTransaction.size()),
                       fmt::format("transaction:{} is neither true nor false", value),
                       "dbmate runs a block outside a transaction only for exactly 'transaction:false'");
      }
      i = j;
    }
    if (ignored_at)
      ctx_.warn(diagnostic_at(
          Severity::Warning, ctx_.file(file_), *ignored_at,
          fmt::format("dbmate ignores '{}' after the directive: its only option is transaction:false", ignored)));
    return tx;
  }

  CompileError error_at(uint32_t offset, std::string message, std::string hint) const {
    Diagnostic d = diagnostic_at(Severity::Error, ctx_.file(file_), offset, std::move(message));
    d.hints.push_back(std::move(hint));
    return CompileError(std::move(d));
  }

  LoadContext& ctx_;
  uint32_t file_;
  const std::string& text_;
};

// The leading digits of a migration file name, `^(\d+).*\.sql$`.
std::optional<std::string> dbmate_version(std::string_view name) {
  size_t n = 0;
  while (n < name.size() && std::isdigit(static_cast<unsigned char>(name[n]))) ++n;
  if (n == 0 || !name.ends_with(".sql")) return std::nullopt;
  return std::string(name.substr(0, n));
}

}  // namespace

void load_dbmate(LoadContext& ctx) {
  MigrationSet& set = ctx.set();
  std::map<std::string, const std::string*> by_version;
  const std::vector<std::string> paths = ctx.list_files(false);  // the root only, in name order
  for (const auto& path : paths) {
    std::optional<std::string> version = dbmate_version(path);
    if (!version) {
      if (path != "schema.sql") warn_unmatched_sql(ctx, path, "<version digits><anything>.sql");
      continue;
    }
    if (auto [it, fresh] = by_version.emplace(*version, &path); !fresh) {
      Diagnostic d = diagnostic_in(Severity::Error, ctx.display(path),
                                   fmt::format("two dbmate migrations have version {}: {} and {}", *version,
                                               ctx.display(*it->second), ctx.display(path)));
      d.hints.push_back("dbmate records applied migrations by version, so it would run only the first");
      throw CompileError(std::move(d));
    }
    Migration m;
    m.id = *version;
    std::string_view rest = std::string_view(path).substr(version->size(), path.size() - version->size() - 4);
    m.name = std::string(rest.starts_with('_') || rest.starts_with('-') ? rest.substr(1) : rest);
    m.format = Format::Dbmate;
    uint32_t f = ctx.read(path);
    m.files.push_back(f);
    DbmateFile(ctx, f).parse(m);
    set.migrations.push_back(std::move(m));
  }
  add_chain_edges(set);
}

}  // namespace migc
