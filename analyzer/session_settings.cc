#include "analyzer/session_settings.h"

#include <algorithm>

#include "analyzer/deparse.h"
#include "analyzer/identifier_text.h"
#include "analyzer/node_text.h"

namespace migc {

namespace {

constexpr std::string_view kSearchPath = "search_path";

std::string lower(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

void refresh_search_path(Session& session) {
  const std::string key(kSearchPath);
  auto local = session.local_settings.find(key);
  auto global = session.settings.find(key);
  const std::string* text = local != session.local_settings.end()   ? &local->second
                            : global != session.settings.end()      ? &global->second
                                                                    : nullptr;
  std::optional<SearchPath> path;
  if (text && *text != kDefaultSetting) path = parse_search_path(*text);
  session.search_path = path.value_or(SearchPath());
}

// One SET argument as flatten_set_variable_args() prints it: list elements of search_path are
// quoted as identifiers, other constants are their text.
std::string argument_text(const PgQuery__Node* arg, bool quote) {
  if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST) return deparse_expression(arg);
  const PgQuery__AConst* c = arg->a_const;
  switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_SVAL: return quote ? quote_ident(c->sval->sval) : c->sval->sval;
    case PG_QUERY__A__CONST__VAL_IVAL: return std::to_string(c->ival->ival);
    case PG_QUERY__A__CONST__VAL_FVAL: return c->fval->fval;
    case PG_QUERY__A__CONST__VAL_BOOLVAL: return c->boolval->boolval ? "true" : "false";
    default: return deparse_expression(arg);
  }
}

const PgQuery__AConst* constant(const PgQuery__Node* node) {
  return node->node_case == PG_QUERY__NODE__NODE_A_CONST ? node->a_const : nullptr;
}

// is_local as a boolean constant or a string.
std::optional<bool> boolean_constant(const PgQuery__Node* node) {
  const PgQuery__AConst* c = constant(node);
  if (c && c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL) return c->boolval->boolval;
  const char* text = string_constant(node);
  return text ? boolean_text(text) : std::nullopt;
}

}  // namespace

std::optional<bool> boolean_text(std::string_view text) {
  std::string word = lower(text);
  auto abbreviates = [&](std::string_view full, size_t shortest) {
    return word.size() >= shortest && word.size() <= full.size() && full.starts_with(word);
  };
  if (abbreviates("true", 1) || abbreviates("yes", 1) || abbreviates("on", 2) || word == "1") return true;
  if (abbreviates("false", 1) || abbreviates("no", 1) || abbreviates("off", 2) || word == "0") return false;
  return std::nullopt;
}

std::optional<SearchPath> parse_search_path(std::string_view text) {
  auto names = split_identifiers(text, ',');
  if (!names) return std::nullopt;
  std::erase_if(*names, [](const std::string& n) { return n == "$user" || n == "pg_temp" || n == "pg_catalog"; });
  return SearchPath(std::move(*names));
}

void change_setting(Session& session, std::string_view name, std::optional<std::string> value, bool local) {
  if (local && !session.in_transaction) return;
  std::string key = lower(name);
  if (key == kSearchPath && value && !parse_search_path(*value)) return;
  if (local) {
    // Back to the default for the rest of the transaction: nothing to keep when the session
    // value is the default already.
    if (!value && !session.settings.count(key)) session.local_settings.erase(key);
    else session.local_settings[key] = value.value_or(std::string(kDefaultSetting));
  } else {
    // A session-level SET also replaces an earlier SET LOCAL of the same transaction.
    session.local_settings.erase(key);
    if (value) session.settings[key] = std::move(*value);
    else session.settings.erase(key);
  }
  if (key == kSearchPath) refresh_search_path(session);
}

void reset_all_settings(Session& session) {
  session.settings.clear();
  session.local_settings.clear();
  refresh_search_path(session);
}

void begin_transaction(Session& session) { session.in_transaction = true; }

void end_transaction(Session& session, bool chain) {
  session.in_transaction = chain;
  session.local_settings.clear();
  refresh_search_path(session);
}

void apply_variable_set(const PgQuery__VariableSetStmt* stmt, Session& session) {
  switch (stmt->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
      bool quote = lower(stmt->name) == kSearchPath;
      std::string value;
      for (size_t i = 0; i < stmt->n_args; ++i) value += (i ? ", " : "") + argument_text(stmt->args[i], quote);
      change_setting(session, stmt->name, std::move(value), stmt->is_local);
      break;
    }
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      change_setting(session, stmt->name, std::nullopt, stmt->is_local);
      break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
      reset_all_settings(session);
      break;
    default:  // SET TRANSACTION …, SET … FROM CURRENT: nothing that outlives the transaction
      break;
  }
}

void apply_transaction(const PgQuery__TransactionStmt* stmt, Session& session) {
  switch (stmt->kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
      begin_transaction(session);
      break;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
      end_transaction(session, stmt->chain);
      break;
    default:  // savepoints, COMMIT/ROLLBACK PREPARED: the session's transaction state stays
      break;
  }
}

bool is_set_config(const PgQuery__FuncCall* call) {
  auto names = string_list(call->funcname, call->n_funcname);
  return (names.size() == 1 || (names.size() == 2 && names[0] == "pg_catalog")) && names.back() == "set_config";
}

bool apply_set_config(const PgQuery__FuncCall* call, Session& session) {
  if (call->n_args != 3) return false;
  const char* name = string_constant(call->args[0]);
  const PgQuery__AConst* value = constant(call->args[1]);
  std::optional<bool> local = boolean_constant(call->args[2]);
  if (!name || !value || !local) return false;
  std::optional<std::string> text;
  if (!value->isnull) {
    const char* s = string_constant(call->args[1]);
    if (!s) return false;
    text = s;
  }
  change_setting(session, name, std::move(text), *local);
  return true;
}

}  // namespace migc
