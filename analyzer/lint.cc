#include "analyzer/lint.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "analyzer/lint_comments.h"
#include "analyzer/lint_session.h"

namespace migc {

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.starts_with("**")) {
    std::string_view rest = pattern.substr(2);
    if (rest.starts_with("/") && glob_match(rest.substr(1), path)) return true;  // "**/" may match no folder
    for (size_t i = 0; i <= path.size(); ++i)
      if (glob_match(rest, path.substr(i))) return true;
    return false;
  }
  if (pattern[0] == '*') {
    for (size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') return false;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?' ? path[0] == '/' : pattern[0] != path[0]) return false;
  return glob_match(pattern.substr(1), path.substr(1));
}

namespace {

// The rules (and their severities) one migration runs with.
using RuleChoice = std::vector<std::pair<const Rule*, std::optional<LintSeverity>>>;  // severity from the config

void apply_settings(const std::map<std::string, RuleSetting>& settings, std::map<const Rule*, RuleSetting>& out) {
  for (const auto& [name, setting] : settings)
    for (const Rule* r : rules_named(name)) out[r] = setting;
}

bool migration_matches(const MigrationSet& set, const Migration& m, const std::vector<std::string>& globs) {
  for (uint32_t f : m.files)
    for (const auto& g : globs)
      if (glob_match(g, set.file(f).path())) return true;
  return false;
}

struct MigrationRules {
  RuleChoice rules;  // enabled ones, registry order
  std::optional<bool> assume_in_transaction;
  bool enabled(const Rule* r) const {
    return std::any_of(rules.begin(), rules.end(), [&](const auto& c) { return c.first == r; });
  }
  std::optional<LintSeverity> severity(const Rule* r) const {
    for (const auto& c : rules)
      if (c.first == r) return c.second;
    return std::nullopt;
  }
};

MigrationRules rules_for(const MigrationSet& set, const Migration& m, const LintOptions& options) {
  std::map<const Rule*, RuleSetting> chosen;
  apply_settings(options.rules, chosen);
  MigrationRules out;
  out.assume_in_transaction = options.assume_in_transaction;
  for (const auto& o : options.overrides) {
    if (!migration_matches(set, m, o.paths)) continue;
    apply_settings(o.rules, chosen);
    if (o.assume_in_transaction) out.assume_in_transaction = o.assume_in_transaction;
  }
  for (const Rule& r : all_rules()) {
    auto c = chosen.find(&r);
    bool on = c == chosen.end() ? !r.opt_in : !c->second.off;
    if (on) out.rules.emplace_back(&r, c == chosen.end() ? std::nullopt : c->second.severity);
  }
  return out;
}

struct RawFinding {
  const Rule* rule;
  LintSeverity severity;
  uint32_t migration, statement;
  uint32_t file, begin, end;
  std::string message, help;
  uint64_t transaction;
};

// The end of the token that starts at `begin`: a quoted string or identifier, a word, else one
// character. A finding that points at a node underlines that token.
uint32_t token_end(std::string_view text, uint32_t begin, uint32_t limit) {
  if (begin >= limit) return limit;
  char quote = text[begin];
  uint32_t i = begin + 1;
  if (quote == '\'' || quote == '"') {
    for (; i < limit; ++i)
      if (text[i] == quote) {
        if (i + 1 < limit && text[i + 1] == quote) ++i;  // a doubled quote stays inside
        else return i + 1;
      }
    return limit;
  }
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); };
  if (!word(quote)) return i;
  while (i < limit && word(text[i])) ++i;
  return i;
}

// The span of line `line` (1-based) of the body of the DO statement `p` in `text`, without its
// indentation: where a finding about a statement inside the block points. nullopt when the line
// is unknown (0) or the body is not written out as is (a quoted string with escapes).
std::optional<std::pair<uint32_t, uint32_t>> do_body_line(std::string_view text, const ParsedStatement& p, uint32_t line) {
  if (line == 0 || !p.node || p.node->node_case != PG_QUERY__NODE__NODE_DO_STMT) return std::nullopt;
  const PgQuery__DoStmt* stmt = p.node->do_stmt;
  for (size_t i = 0; i < stmt->n_args; ++i) {
    if (stmt->args[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = stmt->args[i]->def_elem;
    if (std::string_view(def->defname) != "as" || !def->arg || def->arg->node_case != PG_QUERY__NODE__NODE_STRING)
      continue;
    std::string_view body = def->arg->string->sval;
    size_t at = text.substr(0, p.end).find(body, p.begin);
    if (body.empty() || at == std::string_view::npos) return std::nullopt;
    size_t begin = at, body_end = at + body.size();
    for (uint32_t n = 1; n < line; ++n) {
      size_t newline = text.find('\n', begin);
      if (newline == std::string_view::npos || newline >= body_end) return std::nullopt;
      begin = newline + 1;
    }
    while (begin < body_end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    size_t end = std::min(text.find('\n', begin), body_end);
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end == begin) return std::nullopt;
    return std::pair{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }
  return std::nullopt;
}

class LintRun : public StatementObserver, public RuleContext::Sink {
 public:
  LintRun(const MigrationSet& set, const ParsedSet& parsed, const LintOptions& options)
      : set_(set), parsed_(parsed), options_(options), naming_(naming_patterns(options)),
        rules_(set.migrations.size()) {}

  bool linted(uint32_t m) const { return options_.linted.empty() || (m < options_.linted.size() && options_.linted[m]); }
  const MigrationRules& rules(uint32_t m) {
    if (!rules_[m]) rules_[m] = std::make_unique<MigrationRules>(rules_for(set_, set_.migrations[m], options_));
    return *rules_[m];
  }
  std::vector<RawFinding>& findings() { return findings_; }

  bool observes(uint32_t migration) const override { return linted(migration); }

  void before_change(const PgQuery__Node* stmt, const ReplayContext& model) override {
    uint32_t m = model.migration;
    if (m != migration_ || !session_) {
      migration_ = m;
      first_finding_ = findings_.size();
      session_ = std::make_unique<MigrationSession>(set_.migrations[m], parsed_.migrations[m].up,
                                                    rules(m).assume_in_transaction, options_.settings);
    }
    if (model.nesting == 0) session_->enter(model.statement);
    RuleContext ctx = context(stmt, model);
    check(ctx, false);
    session_->after(ctx);
  }

  void after_change(const PgQuery__Node* stmt, const ReplayContext& model) override {
    RuleContext ctx = context(stmt, model);
    ctx.analysis = &model.out;
    check(ctx, true);
  }

  void add(const RuleContext& ctx, std::optional<LintSeverity> severity, std::string message, std::string help,
           int32_t location) override {
    const ParsedStatement& p = ctx.parsed();
    uint32_t begin = p.begin, end = p.end;
    if (location >= 0 && !ctx.nested) {
      const Statement& range = set_.migrations[ctx.migration].up[p.block].statements[p.statement];
      begin = std::clamp(range.begin + static_cast<uint32_t>(location), p.begin, p.end);
      end = token_end(set_.file(p.file).text(), begin, p.end);
    } else if (ctx.nested) {
      std::tie(begin, end) = do_body_line(set_.file(p.file).text(), p, ctx.model->body_line).value_or(std::pair{begin, end});
    }
    findings_.push_back({ctx.rule, severity.value_or(ctx.rule->severity), ctx.migration, ctx.statement, p.file, begin, end,
                         std::move(message), std::move(help), session_->transaction_serial()});
  }

  bool reported(const RuleContext& ctx, bool in_transaction) const override {
    for (size_t i = first_finding_; i < findings_.size(); ++i)
      if (findings_[i].rule == ctx.rule &&
          (!in_transaction || findings_[i].transaction == session_->transaction_serial()))
        return true;
    return false;
  }

 private:
  RuleContext context(const PgQuery__Node* stmt, const ReplayContext& model) {
    RuleContext ctx;
    ctx.node = stmt;
    ctx.model = &model;
    ctx.hazards = &model.out.hazards;
    ctx.nested = model.nesting > 0;
    ctx.non_transactional = is_non_transactional(stmt, model.pg_version_num);
    ctx.tx = &session_->tx();
    ctx.settings = &session_->settings();
    ctx.set = &set_;
    ctx.naming = &naming_;
    ctx.migration = model.migration;
    ctx.statements = &parsed_.migrations[model.migration].up;
    ctx.statement = model.statement;
    ctx.pg_version_num = model.pg_version_num;
    ctx.sink = this;
    ctx.pending_is_new = !options_.linted.empty();
    return ctx;
  }

  // The enabled rules that run before (or after) the change.
  void check(RuleContext& ctx, bool after_change) {
    for (const auto& [rule, severity] : rules(ctx.migration).rules) {
      if (!rule->check || rule->after_change != after_change) continue;
      ctx.rule = rule;
      rule->check(ctx);
    }
    ctx.rule = nullptr;
  }

  const MigrationSet& set_;
  const ParsedSet& parsed_;
  const LintOptions& options_;
  NamingPatterns naming_;
  std::vector<std::unique_ptr<MigrationRules>> rules_;
  std::vector<RawFinding> findings_;
  std::unique_ptr<MigrationSession> session_;
  uint32_t migration_ = 0;
  size_t first_finding_ = 0;
};

// The statements of one file in text order, for binding comments to them.
struct FileStatement {
  uint32_t begin, end;
  uint32_t migration, statement;
  bool up;
};

struct Ignore {
  DirectiveComment comment;
  uint32_t file;
  bool whole_file;
  std::optional<size_t> statement;  // index into the file's statements
  std::vector<bool> used;           // per name (one entry when no names: every rule)
};

bool names_rule(const Ignore& ig, size_t name, const Rule* rule) {
  if (ig.comment.names.empty()) return true;
  auto rules = rules_named(ig.comment.names[name]);
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

// Drops the findings an ignore comment covers; returns the ignores that are unknown or covered
// nothing, as unused-ignore findings.
std::vector<RawFinding> apply_ignores(const MigrationSet& set, const ParsedSet& parsed, LintRun& run) {
  static const Rule* unused_rule = rules_named(kUnusedIgnoreRule).at(0);
  std::map<uint32_t, std::vector<FileStatement>> files;  // files of linted migrations
  for (uint32_t m = 0; m < set.migrations.size(); ++m)
    if (run.linted(m))
      for (const auto& p : parsed.migrations[m].up) files[p.file];
  for (uint32_t m = 0; m < set.migrations.size(); ++m) {
    auto add = [&](const std::vector<ParsedStatement>& stmts, bool up) {
      for (uint32_t i = 0; i < stmts.size(); ++i)
        if (auto f = files.find(stmts[i].file); f != files.end())
          f->second.push_back({stmts[i].begin, stmts[i].end, m, i, up});
    };
    add(parsed.migrations[m].up, true);
    add(parsed.migrations[m].down, false);
  }
  std::vector<Ignore> ignores;
  std::map<std::pair<uint32_t, size_t>, std::vector<size_t>> by_statement;  // (file, statement) → ignores
  std::map<uint32_t, std::vector<size_t>> by_file;
  for (auto& [file, stmts] : files) {
    std::sort(stmts.begin(), stmts.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    std::vector<uint32_t> ends;
    for (const auto& s : stmts) ends.push_back(s.end);
    const std::string& text = set.file(file).text();
    for (auto& c : directive_comments(text, {"migc:ignore-file", "migc:ignore", "squawk-ignore-file", "squawk-ignore"})) {
      Ignore ig{std::move(c), file, false, std::nullopt, {}};
      ig.whole_file = ig.comment.keyword.ends_with("-file");
      ig.used.assign(std::max<size_t>(1, ig.comment.names.size()), false);
      if (!ig.whole_file) ig.statement = statement_of_comment(text, ends, ig.comment.begin);
      size_t index = ignores.size();
      if (ig.whole_file) by_file[file].push_back(index);
      else if (ig.statement) by_statement[{file, *ig.statement}].push_back(index);
      ignores.push_back(std::move(ig));
    }
  }
  auto statement_index = [&](uint32_t file, uint32_t migration, uint32_t statement) -> size_t {
    const auto& stmts = files[file];
    for (size_t i = 0; i < stmts.size(); ++i)
      if (stmts[i].up && stmts[i].migration == migration && stmts[i].statement == statement) return i;
    return stmts.size();
  };
  auto covered = [&](const std::vector<size_t>& candidates, const Rule* rule, bool mark) {
    bool hit = false;
    for (size_t i : candidates) {
      Ignore& ig = ignores[i];
      for (size_t n = 0; n < ig.used.size(); ++n)
        if (names_rule(ig, n, rule)) {
          hit = true;
          if (mark) ig.used[n] = true;
        }
    }
    return hit;
  };
  std::erase_if(run.findings(), [&](const RawFinding& f) {
    uint32_t file = f.file;
    bool hit = covered(by_file[file], f.rule, true);
    if (auto it = by_statement.find({file, statement_index(file, f.migration, f.statement)}); it != by_statement.end())
      hit = covered(it->second, f.rule, true) || hit;
    return hit;
  });

  std::vector<RawFinding> unused;
  for (const Ignore& ig : ignores) {
    const auto& stmts = files[ig.file];
    // The migration the comment is judged in: its statement's, else the file's first linted one.
    const FileStatement* at = ig.statement ? &stmts[*ig.statement] : nullptr;
    if (at && !at->up) continue;  // down parts are not linted
    if (!at)
      for (const auto& s : stmts)
        if (s.up && run.linted(s.migration)) {
          at = &s;
          break;
        }
    if (!at || !run.linted(at->migration)) continue;
    const MigrationRules& chosen = run.rules(at->migration);
    auto report = [&](std::string message) {
      RawFinding f{unused_rule, unused_rule->severity, at->migration, at->statement, ig.file, ig.comment.begin,
                   ig.comment.end, std::move(message),
                   "remove it, or name a rule that reports here (`migc explain RULE` describes each)", 0};
      unused.push_back(std::move(f));
    };
    if (ig.comment.names.empty()) {
      if (!ig.used[0]) report(fmt::format("`{}` suppresses nothing", ig.comment.keyword));
      continue;
    }
    for (size_t n = 0; n < ig.comment.names.size(); ++n) {
      const std::string& name = ig.comment.names[n];
      auto rules = rules_named(name);
      if (rules.empty()) {
        report(fmt::format("`{}` names an unknown rule '{}'", ig.comment.keyword, name));
        continue;
      }
      bool on = std::any_of(rules.begin(), rules.end(), [&](const Rule* r) { return chosen.enabled(r); });
      if (on && !ig.used[n]) report(fmt::format("`{} {}` suppresses nothing here", ig.comment.keyword, name));
    }
  }
  std::erase_if(unused, [&](const RawFinding& f) {
    if (!run.rules(f.migration).enabled(unused_rule)) return true;
    return covered(by_file[f.file], unused_rule, false);
  });
  return unused;
}

}  // namespace

void check_lint_options(const LintOptions& options) {
  auto check = [](const std::map<std::string, RuleSetting>& rules) {
    for (const auto& [name, setting] : rules)
      if (rules_named(name).empty())
        throw CompileError(diagnostic_in(Severity::Error, "", fmt::format("unknown lint rule '{}'", name)));
  };
  check(options.rules);
  for (const auto& o : options.overrides) check(o.rules);
  naming_patterns(options);
}

NamingPatterns naming_patterns(const LintOptions& options) {
  NamingPatterns out;
  const auto& kinds = naming_kinds();
  for (const auto& [kind, pattern] : options.naming) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
      throw CompileError(diagnostic_in(Severity::Error, "",
                                       fmt::format("[lint.naming] has no kind '{}' (kinds: {})", kind, fmt::join(kinds, ", "))));
    try {
      out.emplace(kind, std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error& e) {
      throw CompileError(diagnostic_in(Severity::Error, "",
                                       fmt::format("[lint.naming] {} = '{}' is not a regular expression: {}", kind,
                                                   pattern, e.what())));
    }
  }
  return out;
}

std::vector<Finding> lint(const MigrationSet& set, const ParsedSet& parsed, const Plan& plan,
                          const LintOptions& options) {
  LintRun run(set, parsed, options);
  AnalyzeOptions analyze = options.analyze;
  analyze.observer = &run;
  analyze.applied.assign(set.migrations.size(), false);
  for (uint32_t m = 0; m < set.migrations.size(); ++m) analyze.applied[m] = !run.linted(m);
  replay_plan(set, parsed, plan, analyze);

  std::vector<RawFinding> unused = apply_ignores(set, parsed, run);
  auto& raw = run.findings();
  raw.insert(raw.end(), std::make_move_iterator(unused.begin()), std::make_move_iterator(unused.end()));

  std::vector<Finding> out;
  for (auto& f : raw) {
    const SourceFile& file = set.file(f.file);
    Finding x;
    x.rule = std::string(f.rule->id);
    x.severity = run.rules(f.migration).severity(f.rule).value_or(f.severity);
    x.file = f.file;
    x.begin = f.begin;
    x.end = f.end;
    x.start = file.position(f.begin);
    x.stop = file.position(f.end);
    x.message = std::move(f.message);
    x.help = std::move(f.help);
    x.migration = f.migration;
    x.statement = f.statement;
    out.push_back(std::move(x));
  }
  std::sort(out.begin(), out.end(), [&](const Finding& a, const Finding& b) {
    return std::tie(set.file(a.file).display_path(), a.start.line, a.start.column, a.rule, a.message) <
           std::tie(set.file(b.file).display_path(), b.start.line, b.start.column, b.rule, b.message);
  });
  return out;
}

}  // namespace migc
