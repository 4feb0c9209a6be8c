// goose (formats.md §6): `<version>_<name>.sql` files in the root, ordered by the version as a
// number. Each file holds `-- +goose Up` and an optional `-- +goose Down` part, split into
// statements the way goose splits them: a statement ends on a line whose last word before a
// `--` comment ends in `;`, and everything between `-- +goose StatementBegin` and
// `-- +goose StatementEnd` is one statement. `-- +goose NO TRANSACTION` runs both parts outside
// a transaction; `-- +goose ENVSUB ON/OFF` expands environment variables in the SQL lines
// between them.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "compiler/envsub.h"
#include "compiler/loader.h"
#include "compiler/text_lines.h"

namespace migc {

namespace {

constexpr std::string_view kAnnotationHelp =
    "goose annotations are '-- +goose' followed by one of: Up, Down, StatementBegin, StatementEnd, "
    "NO TRANSACTION, ENVSUB ON, ENVSUB OFF";

std::string_view base_name(std::string_view path) { return path.substr(path.rfind('/') + 1); }

// goose's NumericComponent: the text before the first '_' as a base-10 int64 (a sign is
// allowed, as strconv.ParseInt allows it), at least 1.
std::optional<int64_t> goose_version(std::string_view name) {
  size_t sep = name.find('_');
  if (sep == std::string_view::npos) return std::nullopt;
  std::string_view digits = name.substr(0, sep);
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || v < 1) return std::nullopt;
  return v;
}

enum class Annotation { Up, Down, StatementBegin, StatementEnd, NoTransaction, EnvsubOn, EnvsubOff };

bool equal_fold(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string remove_all(std::string s, std::string_view what) {
  for (size_t at; (at = s.find(what)) != std::string::npos;) s.erase(at, what.size());
  return s;
}

enum class Part { None, Up, Down };

// One pass over a file with goose's state machine (internal/sqlparser/parser.go), both
// directions at once. Statement ranges run from the end of the previous statement, so the
// comments goose drops before a statement stay with it, and the ranges tile each part.
class GooseFile {
 public:
  GooseFile(LoadContext& ctx, uint32_t file) : ctx_(ctx), file_(file), text_(ctx.file(file).text()) {}

  void parse(Migration& m) {
    for (const TextLine& line : text_lines(text_)) read_line(line);
    if (part_ == Part::None)
      throw error_in("no '-- +goose Up' annotation", "goose needs '-- +goose Up' before the first statement");
    if (open_begin_)
      throw error_at(*open_begin_, "'-- +goose StatementBegin' is never closed by '-- +goose StatementEnd'");
    close_part(static_cast<uint32_t>(text_.size()));
    uint32_t file = file_;
    if (!map_.empty()) {
      file = ctx_.add_derived(file_, std::move(out_), std::move(map_));
      m.files.push_back(file);
    }
    TxMode tx = no_transaction_ ? TxMode::None : TxMode::Transaction;
    m.up.push_back(Block{tx, with_file(up_, file)});
    if (down_) m.down = std::vector<Block>{Block{tx, with_file(*down_, file)}};
  }

 private:
  void read_line(const TextLine& line) {
    std::string_view content = line_content(text_, line);
    std::string_view trimmed = trim_space(content);
    if (part_ == Part::None && trimmed.empty()) return;
    if (trimmed.starts_with("--") && content.find("+goose") != std::string_view::npos) {
      annotation(line, parse_annotation(line));
      return;
    }
    if (!buffer_ && (trimmed.starts_with("--") || content.empty())) return;  // goose drops it
    if (part_ == Part::None)
      throw error_at(first_non_space(text_, line), "SQL before '-- +goose Up'",
                     "goose needs '-- +goose Up' before the first statement");
    write(line);
  }

  // A SQL line goose adds to the statement being built; ENVSUB expands it first.
  void write(const TextLine& line) {
    buffer_ = true;
    if (uint32_t first = first_non_space(text_, line); !buffer_text_ && first < line.end) buffer_text_ = first;
    std::string_view sql = line_content(text_, line);
    if (envsub_) {
      uint32_t begin = out_offset(line.begin);
      try {
        envsub_line(sql, line.begin, env_, out_, map_);
      } catch (const EnvsubError& e) {
        throw error_at(line.begin + e.offset, fmt::format("ENVSUB: {}", e.what()));
      }
      copied_ = line.end;
      sql = std::string_view(out_).substr(begin);
    }
    if (!open_begin_ && ends_with_semicolon(sql)) end_statement(line.next);
  }

  // goose's endsWithSemicolon: the last white-space separated word before one starting with
  // "--" ends in ';'.
  static bool ends_with_semicolon(std::string_view line) {
    std::string_view prev;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && is_space(line[i])) ++i;
      size_t j = i;
      while (j < line.size() && !is_space(line[j])) ++j;
      std::string_view word = line.substr(i, j - i);
      if (word.empty() || word.starts_with("--")) break;
      prev = word;
      i = j;
    }
    return prev.ends_with(";");
  }

  // goose's extractAnnotation.
  Annotation parse_annotation(const TextLine& line) {
    std::string_view content = line_content(text_, line);
    if (content[0] == ' ' || content[0] == '\t')
      throw error_at(line.begin, "goose annotation starts with white space",
                     "goose rejects it: start the line with '--'");
    uint32_t at = line.begin + static_cast<uint32_t>(content.find("+goose"));
    std::string cmd = remove_all(std::string(content), "--");
    cmd.erase(cmd.find("+goose"), 6);
    if (cmd.find("+goose") != std::string::npos) throw error_at(at, "more than one '+goose' on one line");
    std::string_view name = trim_space(cmd);
    static const std::pair<std::string_view, Annotation> known[] = {
        {"Up", Annotation::Up},
        {"Down", Annotation::Down},
        {"StatementBegin", Annotation::StatementBegin},
        {"StatementEnd", Annotation::StatementEnd},
        {"NO TRANSACTION", Annotation::NoTransaction},
        {"ENVSUB ON", Annotation::EnvsubOn},
        {"ENVSUB OFF", Annotation::EnvsubOff},
    };
    for (const auto& [spelling, a] : known)
      if (equal_fold(name, spelling)) return a;
    throw error_at(
        at, name.empty() ? std::string("empty goose annotation") : fmt::format("unknown goose annotation '{}'", name),
        std::string(kAnnotationHelp) + " (a comment that mentions +goose is read as an annotation)");
  }

  void annotation(const TextLine& line, Annotation a) {
    switch (a) {
      case Annotation::Up:
        if (part_ != Part::None) throw error_at(line.begin, "second '-- +goose Up' annotation");
        part_ = Part::Up;
        start_part(line.next);
        break;
      case Annotation::Down:
        if (part_ == Part::None) throw error_at(line.begin, "'-- +goose Down' before '-- +goose Up'");
        if (part_ == Part::Down) throw error_at(line.begin, "second '-- +goose Down' annotation");
        if (open_begin_)
          throw error_at(line.begin, "'-- +goose Down' inside a StatementBegin block",
                         "close the block with '-- +goose StatementEnd' first");
        close_part(line.begin);
        part_ = Part::Down;
        start_part(line.next);
        break;
      case Annotation::StatementBegin:
        if (part_ == Part::None) throw error_at(line.begin, "'-- +goose StatementBegin' before '-- +goose Up'");
        if (open_begin_)
          throw error_at(line.begin, "'-- +goose StatementBegin' inside another StatementBegin block",
                         "close the first block with '-- +goose StatementEnd'");
        open_begin_ = line.begin;
        break;
      case Annotation::StatementEnd:
        if (!open_begin_) throw error_at(line.begin, "'-- +goose StatementEnd' without a '-- +goose StatementBegin'");
        open_begin_.reset();
        if (buffer_) end_statement(line.next);
        break;
      case Annotation::NoTransaction:
        no_transaction_ = true;
        break;
      case Annotation::EnvsubOn:
        // Both would expand `${…}`: the placeholders have already rewritten this file.
        if (ctx_.file(file_).text() != ctx_.file(file_).original())
          throw error_at(line.begin, "ENVSUB cannot be combined with placeholders in the same file",
                         "goose expands ${VAR} from the environment here; drop the --placeholder values or ENVSUB");
        envsub_ = true;
        break;
      case Annotation::EnvsubOff:
        envsub_ = false;
        break;
    }
  }

  void start_part(uint32_t begin) {
    statements_.clear();
    start_ = out_offset(begin);
  }

  // Ends the current part at `end`: text left in goose's buffer is an error, trailing comments
  // join the last statement.
  void close_part(uint32_t end) {
    if (buffer_text_)
      throw error_at(*buffer_text_, "SQL statement not terminated (missing semicolon?)",
                     "goose ends a statement at a line whose last word ends in ';' (a line of only spaces "
                     "starts a statement too, and the comments after it are then part of it)");
    uint32_t stop = out_offset(end);
    if (!statements_.empty()) statements_.back().end = stop;
    (part_ == Part::Up ? up_ : down_.emplace()) = statements_;
  }

  void end_statement(uint32_t next) {
    uint32_t stop = out_offset(next);
    statements_.push_back({0, start_, stop});
    start_ = stop;
    buffer_ = false;
    buffer_text_.reset();
  }

  // Offsets into the output text: the file's text with ENVSUB lines expanded. Text is copied
  // lazily, so an offset is only asked for at or after what has been copied.
  uint32_t out_offset(uint32_t text_offset) {
    copy_until(text_offset);
    return static_cast<uint32_t>(out_.size());
  }
  void copy_until(uint32_t text_offset) {
    out_.append(text_, copied_, text_offset - copied_);
    copied_ = text_offset;
  }

  static std::vector<Statement> with_file(std::vector<Statement> statements, uint32_t file) {
    for (auto& s : statements) s.file = file;
    return statements;
  }

  CompileError error_at(uint32_t offset, std::string message, std::string hint = "") const {
    Diagnostic d = diagnostic_at(Severity::Error, ctx_.file(file_), offset, std::move(message));
    if (!hint.empty()) d.hints.push_back(std::move(hint));
    return CompileError(std::move(d));
  }
  CompileError error_in(std::string message, std::string hint) const {
    Diagnostic d = diagnostic_in(Severity::Error, ctx_.file(file_).display_path(), std::move(message));
    d.hints.push_back(std::move(hint));
    return CompileError(std::move(d));
  }

  LoadContext& ctx_;
  uint32_t file_;
  const std::string& text_;
  Part part_ = Part::None;
  bool buffer_ = false;                  // goose's statement buffer holds a line
  std::optional<uint32_t> buffer_text_;  // where its first non-blank byte is
  std::optional<uint32_t> open_begin_;   // the StatementBegin line of an open block
  bool no_transaction_ = false;
  bool envsub_ = false;
  EnvLookup env_ = process_environment();
  uint32_t start_ = 0;                 // where the next statement's range starts (output offset)
  std::vector<Statement> statements_;  // of the current part
  std::vector<Statement> up_;
  std::optional<std::vector<Statement>> down_;
  std::string out_;
  uint32_t copied_ = 0;  // text_[0, copied_) is in out_
  std::vector<Replacement> map_;
};

}  // namespace

void load_goose(LoadContext& ctx) {
  std::map<int64_t, std::string> by_version;
  for (const auto& path : ctx.list_files(false)) {
    std::string_view name = base_name(path);
    if (name.ends_with(".go")) {
      // goose skips tests and Go files without a version (e.g. an embed.go next to the SQL).
      if (!name.ends_with("_test.go") && goose_version(name))
        throw CompileError(diagnostic_in(Severity::Error, ctx.display(path),
                                         "Go migrations are not supported: migc reads SQL migrations only"));
      continue;
    }
    if (!name.ends_with(".sql")) continue;
    std::optional<int64_t> version = goose_version(name);
    if (!version) {
      Diagnostic d =
          diagnostic_in(Severity::Error, ctx.display(path), "goose cannot read a version from this file name");
      d.hints.push_back(
          "goose names are <version>_<name>.sql with a version of at least 1 (goose itself refuses "
          "this file); rename it or move it out of the migrations folder");
      throw CompileError(std::move(d));
    }
    if (auto [it, fresh] = by_version.emplace(*version, path); !fresh)
      throw CompileError(diagnostic_in(
          Severity::Error, ctx.display(path),
          fmt::format("duplicate goose version {}: {} and {}", *version, ctx.display(it->second), ctx.display(path))));
  }
  MigrationSet& set = ctx.set();
  for (const auto& [version, path] : by_version) {
    std::string_view name = base_name(path);
    Migration m;
    m.id = std::to_string(version);
    m.name = std::string(name.substr(name.find('_') + 1, name.size() - name.find('_') - 5));
    m.format = Format::Goose;
    uint32_t f = ctx.read(path);
    m.files.push_back(f);
    GooseFile(ctx, f).parse(m);
    set.migrations.push_back(std::move(m));
  }
  add_chain_edges(set);
}

}  // namespace migc
