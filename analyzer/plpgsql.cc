// Function and DO bodies, best effort: SQL bodies are parsed and replayed statement by
// statement; PL/pgSQL goes through libpg_query's PL/pgSQL parser, whose JSON holds every SQL
// statement and expression of the body as text, each parsed and replayed in turn.
#include "analyzer/plpgsql.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <pg_query.h>

#include "analyzer/sql_tokens.h"
#include "compiler/text_ranges.h"

namespace migc {

namespace {

using Json = nlohmann::ordered_json;  // keeps the body's order: DDL in a DO block runs in sequence

using ParseTree = std::shared_ptr<const PgQuery__ParseResult>;

// `sql` parsed, or nullptr with `error` set. Function bodies are redefined migration after
// migration with mostly the same statements and expressions, so each text is parsed once per
// process (the trees are only read).
ParseTree parse_sql(const std::string& sql, std::string& error) {
  struct Parsed {
    ParseTree tree;
    std::string error;
  };
  thread_local std::unordered_map<std::string, Parsed> parsed_texts;
  auto [it, fresh] = parsed_texts.try_emplace(sql);
  Parsed& p = it->second;
  if (fresh) {
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
    if (result.error) {
      p.error = result.error->message;
    } else {
      p.tree.reset(pg_query__parse_result__unpack(nullptr, result.parse_tree.len,
                                                  reinterpret_cast<const uint8_t*>(result.parse_tree.data)),
                   [](const PgQuery__ParseResult* r) {
                     pg_query__parse_result__free_unpacked(const_cast<PgQuery__ParseResult*>(r), nullptr);
                   });
      if (!p.tree) p.error = "unreadable parse tree";
    }
    pg_query_free_protobuf_parse_result(result);
  }
  if (!p.tree) error = p.error;
  return p.tree;
}

// The start of `sql` on one line, for notes.
std::string excerpt(std::string_view sql) {
  std::string line;
  for (char c : sql) {
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!space) line += c;
    else if (!line.empty() && line.back() != ' ') line += ' ';
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (line.size() <= 60) return line;
  size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
  return line.substr(0, cut) + "...";
}

// A dollar quote whose tag does not occur in the body.
std::string dollar_quoted(std::string_view body) {
  std::string tag = "$migc$";
  for (int n = 1; body.find(tag) != std::string_view::npos; ++n) tag = "$migc" + std::to_string(n) + "$";
  return tag + std::string(body) + tag;
}

// Whether `text` can be a statement: SQL statements begin with a keyword of the grammar's
// statement list (or a parenthesised query). A PL/pgSQL expression that begins otherwise is
// parsed as an expression straight away, not first tried (and failed) as a statement.
bool starts_like_statement(std::string_view text) {
  static const std::array<std::string_view, 53> kStatementWords = {
      "abort",    "alter",    "analyse",  "analyze",  "begin",   "call",     "checkpoint", "close",
      "cluster",  "comment",  "commit",   "copy",     "create",  "deallocate", "declare", "delete",
      "discard",  "do",       "drop",     "end",      "execute", "explain",  "fetch",      "grant",
      "import",   "insert",   "listen",   "load",     "lock",    "merge",    "move",       "notify",
      "prepare",  "reassign", "refresh",  "reindex",  "release", "reset",    "revoke",     "rollback",
      "savepoint", "security", "select",  "set",      "show",    "start",    "table",      "truncate",
      "unlisten", "update",   "vacuum",   "values",   "with"};
  size_t i = 0;
  while (i < text.size()) {  // skip blanks and comments
    if (std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    else if (text.substr(i, 2) == "--") i = std::min(text.find('\n', i), text.size());
    else if (text.substr(i, 2) == "/*") i = std::min(text.find("*/", i) + 2, text.size());
    else break;
  }
  if (i < text.size() && text[i] == '(') return true;
  std::string word;
  for (; i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])); ++i)
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  return std::find(kStatementWords.begin(), kStatementWords.end(), word) != kStatementWords.end();
}

// `target := expr` (or `target = expr`) without its target.
std::string assigned_expression(const std::string& assignment) {
  for (const SqlToken& t : sql_tokens(assignment))
    if (t.kind == PG_QUERY__TOKEN__COLON_EQUALS || t.kind == PG_QUERY__TOKEN__ASCII_61)
      return assignment.substr(t.end);
  return assignment;
}

// libpg_query's PL/pgSQL parser does not know a function's OUT parameters, so it refuses the
// `RETURN NEXT;` they allow. `RETURN NEXT NULL;` reads the same: `definition` with the body
// so rewritten, or nullopt when there is nothing to rewrite.
std::optional<std::string> with_return_next_values(std::string definition, std::string_view body) {
  size_t at = definition.find(body);
  if (at == std::string::npos) return std::nullopt;
  std::string rewritten(body);
  if (!mentions(body, "next")) return std::nullopt;  // most bodies: not worth scanning
  std::vector<SqlToken> t = sql_tokens(rewritten);
  for (size_t i = t.size(); i-- > 2;)
    if (t[i].kind == PG_QUERY__TOKEN__ASCII_59 && t[i - 1].kind == PG_QUERY__TOKEN__NEXT &&
        t[i - 2].kind == PG_QUERY__TOKEN__RETURN)
      rewritten.insert(t[i - 1].end, " NULL");
  if (rewritten == body) return std::nullopt;
  return definition.replace(at, body.size(), rewritten);
}

class BodyReplayer {
 public:
  BodyReplayer(const RoutineSource& source, ReplayContext& ctx) : source_(source), ctx_(ctx) {}

  bool complete() const { return complete_; }

  // Something of the body is not analysed: a note saying what and why.
  void skipped(std::string note) {
    ctx_.note(std::move(note));
    complete_ = false;
  }

  // Every statement of `sql`; false (with `error`) when it does not parse.
  bool statements(const std::string& sql, std::string& error) {
    ParseTree tree = parse_sql(sql, error);
    if (!tree) return false;
    for (size_t i = 0; i < tree->n_stmts; ++i) replay_statement(tree->stmts[i]->stmt, ctx_);
    return true;
  }

  void sql_body(std::string_view body) {
    std::string error;
    if (!statements(std::string(body), error))
      skipped("cannot analyse the SQL body of " + source_.what + ": " + error);
  }

  void plpgsql_body(std::string_view body) {
    std::string definition = source_.definition.empty()
                                 ? "CREATE FUNCTION do_block() RETURNS void LANGUAGE plpgsql AS " + dollar_quoted(body)
                                 : source_.definition;
    std::string error;
    const Json* functions = parse_plpgsql(with_return_next_values(definition, body).value_or(definition), error);
    if (!functions) {
      skipped("cannot analyse the PL/pgSQL body of " + source_.what + ": " + error);
      return;
    }
    walk(*functions);
    if (dynamic_.empty()) return;
    std::string what = dynamic_.size() == 1
                           ? "EXECUTE " + dynamic_[0]
                           : std::to_string(dynamic_.size()) + " EXECUTEs, the first EXECUTE " + dynamic_[0];
    skipped("dynamic SQL in " + source_.what + " is not analysed: " + what);
  }

 private:
  enum class Use { Sql, Dynamic, Assignment };

  // Where PL/pgSQL keeps an expression that is not plain SQL.
  static Use use_of(std::string_view statement, std::string_view field) {
    if ((statement == "PLpgSQL_stmt_dynexecute" || statement == "PLpgSQL_stmt_dynfors") && field == "query")
      return Use::Dynamic;
    if (field == "dynquery") return Use::Dynamic;  // OPEN … FOR EXECUTE, RETURN QUERY EXECUTE
    if (statement == "PLpgSQL_stmt_assign" && field == "expr") return Use::Assignment;
    return Use::Sql;
  }

  void walk(const Json& j) {
    if (j.is_array()) {
      for (const auto& item : j) walk(item);
      return;
    }
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& key = it.key();
      if (key == "PLpgSQL_expr") expression(it->value("query", ""), Use::Sql);
      else if (key.starts_with("PLpgSQL_stmt_") && it->is_object()) statement(key, *it);
      else walk(*it);
    }
  }

  void statement(std::string_view type, const Json& fields) {
    // Findings point at the body line of the PL/pgSQL statement the SQL belongs to.
    uint32_t outer = ctx_.body_line, line = fields.value("lineno", 0u);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      ctx_.body_line = line;
      Use use = use_of(type, it.key());
      if (use != Use::Sql && it->is_object() && it->contains("PLpgSQL_expr"))
        expression((*it)["PLpgSQL_expr"].value("query", ""), use);
      else walk(*it);
    }
    ctx_.body_line = outer;
  }

  void expression(const std::string& text, Use use) {
    std::string error;
    if (use == Use::Sql && starts_like_statement(text) && statements(text, error)) return;
    std::string expr = use == Use::Assignment ? assigned_expression(text) : text;
    ParseTree select = parse_sql("SELECT " + expr, error);
    if (!select || select->n_stmts != 1) {
      skipped("cannot analyse SQL in " + source_.what + " (" + excerpt(text) + "): " + error);
      return;
    }
    const PgQuery__Node* node = select->stmts[0]->stmt;
    if (use == Use::Dynamic && executes_literal(node)) return;
    if (use == Use::Dynamic) dynamic_.push_back(excerpt(text));
    collect_reads(node, ctx_);
  }

  // EXECUTE 'literal SQL': replayed like any other statement of the body.
  bool executes_literal(const PgQuery__Node* select) {
    const PgQuery__SelectStmt* s = select->select_stmt;
    if (s->n_target_list != 1 || s->target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) return false;
    const PgQuery__Node* value = s->target_list[0]->res_target->val;
    if (!value || value->node_case != PG_QUERY__NODE__NODE_A_CONST ||
        value->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
      return false;
    std::string error;
    if (statements(value->a_const->sval->sval, error)) return true;
    skipped("cannot analyse the SQL that " + source_.what + " executes: " + error);
    return true;
  }

  // The parser's output for a definition, or nullptr with `error` set; each definition is parsed
  // once per process, as parse_sql() parses each text once.
  static const Json* parse_plpgsql(const std::string& definition, std::string& error) {
    struct Parsed {
      Json functions;
      std::string error;
    };
    thread_local std::unordered_map<std::string, Parsed> parsed_definitions;
    auto [it, fresh] = parsed_definitions.try_emplace(definition);
    Parsed& p = it->second;
    if (fresh) {
      PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(definition.c_str());
      if (parsed.error) p.error = parsed.error->message;
      else p.functions = Json::parse(parsed.plpgsql_funcs, nullptr, false);
      pg_query_free_plpgsql_parse_result(parsed);
      if (p.error.empty() && p.functions.is_discarded()) p.error = "unreadable parser output";
    }
    if (!p.error.empty()) error = p.error;
    return p.error.empty() ? &p.functions : nullptr;
  }

  const RoutineSource& source_;
  ReplayContext& ctx_;
  std::vector<std::string> dynamic_;  // excerpts of the EXECUTEs of computed SQL
  bool complete_ = true;
};

// A body that changes nothing (ctx.execute false), replayed on its own analysis so that it
// never makes the statement holding it unmodelled. Its references are deferred (needed when
// the function runs) except where PostgreSQL checks the body when the function is created:
// what a SQL body reads or writes must exist by then.
template <class Replay>
void replay_inert_body(bool checked_when_created, ReplayContext& ctx, Replay replay) {
  StatementAnalysis body;
  ReplayContext body_ctx{ctx.catalog, ctx.session, body, ctx.migration, ctx.pg_version_num, false, ctx.applied};
  replay(body_ctx);
  for (Reference ref : body.references) {
    ref.deferred = !(checked_when_created && (ref.access == Access::Read || ref.access == Access::Write));
    ctx.out.references.push_back(std::move(ref));
  }
  ctx.out.notes.insert(ctx.out.notes.end(), body.notes.begin(), body.notes.end());
}

// A body that runs now (a DO block) and is not analysed in full leaves the statement unmodelled:
// the catalog may miss what it did.
void replay_body(std::string_view language, std::string_view body, const RoutineSource& source, ReplayContext& ctx) {
  BodyReplayer replayer(source, ctx);
  if (language == "sql") replayer.sql_body(body);
  else if (language == "plpgsql") replayer.plpgsql_body(body);
  else replayer.skipped("the " + std::string(language) + " body of " + source.what + " is not analysed");
  if (ctx.execute && !replayer.complete()) ctx.out.modelled = false;
}

}  // namespace

void replay_routine_body(std::string_view language, std::string_view body, const RoutineSource& source,
                         ReplayContext& ctx) {
  if (ctx.execute)
    replay_body(language, body, source, ctx);
  else
    replay_inert_body(language == "sql", ctx,
                      [&](ReplayContext& body_ctx) { replay_body(language, body, source, body_ctx); });
}

void replay_standard_body(const PgQuery__Node* body, ReplayContext& ctx) {
  replay_inert_body(true, ctx, [&](ReplayContext& body_ctx) {
    if (body->node_case == PG_QUERY__NODE__NODE_RETURN_STMT) {
      collect_reads(body->return_stmt->returnval, body_ctx);
      return;
    }
    if (body->node_case != PG_QUERY__NODE__NODE_LIST) return;
    for (size_t i = 0; i < body->list->n_items; ++i) {
      const PgQuery__Node* item = body->list->items[i];
      if (item->node_case != PG_QUERY__NODE__NODE_LIST) continue;
      for (size_t s = 0; s < item->list->n_items; ++s) replay_statement(item->list->items[s], body_ctx);
    }
  });
}

void replay_routine_body(std::string_view language, std::string_view body, ReplayContext& ctx) {
  replay_routine_body(language, body, {"DO block", ""}, ctx);
}

}  // namespace migc
