// How SET, SET LOCAL, RESET, set_config() and transaction boundaries change the Session
// (analyzer/replay.h), as PostgreSQL keeps its settings: a session value, and a SET LOCAL value
// that lasts until the transaction ends. search_path is kept as text like every setting and
// also parsed into Session::search_path, its effective value.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace migc {

// The local value of a setting that SET LOCAL … TO DEFAULT returned to its built-in default
// while the session value differs.
inline constexpr std::string_view kDefaultSetting = "DEFAULT";

// SET name = value (value nullopt: TO DEFAULT / RESET). A local change outside a transaction
// block has no lasting effect, as PostgreSQL only warns. A malformed search_path changes nothing
// (PostgreSQL rejects it).
void change_setting(Session& session, std::string_view name, std::optional<std::string> value, bool local);
// RESET ALL, DISCARD ALL.
void reset_all_settings(Session& session);
// BEGIN / START TRANSACTION.
void begin_transaction(Session& session);
// COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION: SET LOCAL values end; with AND CHAIN a new
// transaction starts at once.
void end_transaction(Session& session, bool chain);

// search_path text as PostgreSQL reads it; "$user", pg_temp and pg_catalog are left out (the
// model holds no objects there, and none of them is where unqualified objects are created).
// nullopt when the list syntax is invalid.
std::optional<SearchPath> parse_search_path(std::string_view text);

// A boolean as PostgreSQL's parse_bool() reads it: any prefix of true/false/yes/no, on/off, 1/0,
// in any case; nullopt when it is none of them.
std::optional<bool> boolean_text(std::string_view text);

// The statements themselves.
void apply_variable_set(const PgQuery__VariableSetStmt* stmt, Session& session);
void apply_transaction(const PgQuery__TransactionStmt* stmt, Session& session);
// Whether `call` is set_config() (unqualified or pg_catalog.set_config).
bool is_set_config(const PgQuery__FuncCall* call);
// set_config('name', 'value', is_local) with constant arguments; false (nothing changed) when an
// argument is computed.
bool apply_set_config(const PgQuery__FuncCall* call, Session& session);

}  // namespace migc
