// identifier-too-long: an identifier longer than 63 bytes, which PostgreSQL silently truncates: two
// names that differ only after byte 63 are the same object.
#include "analyzer/rules/rule.h"
#include "analyzer/sql_tokens.h"

namespace migc::rules {

namespace {

// The identifier a token spells: a quoted one without its quotes (a doubled quote is one), else
// the word as written.
std::string identifier_of(std::string_view token) {
  if (token.size() < 2 || token.front() != '"') return std::string(token);
  std::string out;
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    out += token[i];
    if (token[i] == '"') ++i;
  }
  return out;
}

void check(RuleContext& ctx) {
  if (ctx.nested) return;  // a DO block's text is checked as the DO statement's
  const ParsedStatement& p = ctx.parsed();
  std::string_view file = ctx.set->file(p.file).text();
  uint32_t range_begin = ctx.set->migrations[ctx.migration].up[p.block].statements[p.statement].begin;
  std::string sql(file.substr(range_begin, p.end - range_begin));
  for (const SqlToken& t : sql_tokens(sql)) {
    if (t.kind != PG_QUERY__TOKEN__IDENT) continue;
    std::string name = identifier_of(std::string_view(sql).substr(t.start, t.end - t.start));
    if (name.size() <= 63) continue;
    ctx.report("identifier " + quote_ident(name.substr(0, 20)) + "… is " + std::to_string(name.size()) +
                   " bytes: PostgreSQL keeps the first 63 and drops the rest without an error",
               "shorten it to 63 bytes or fewer", static_cast<int32_t>(t.start));
  }
}

}  // namespace

Rule identifier_too_long() {
  return {.id = "identifier-too-long",
          .severity = LintSeverity::Warning,
          .opt_in = true,
          .summary = "an identifier over 63 bytes",
          .check = check};
}

}  // namespace migc::rules
