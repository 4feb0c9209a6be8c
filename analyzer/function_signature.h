// How PostgreSQL names a function: its identity arguments, the argument types that tell
// overloads apart, and its result, each printed as the server prints them with
// search_path = pg_catalog (the schema snapshot's setting).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace migc {

struct FunctionSignature {
  std::string arguments;    // pg_get_function_identity_arguments(): "p_id integer, OUT q text"
  std::string input_types;  // pg_identify_object()'s argument list: "integer,pg_catalog.text"
  std::string returns;      // pg_get_function_result(): "SETOF public.t", "TABLE(a integer)", "" for procedures
};

// Reads the parameters and result of CREATE FUNCTION / PROCEDURE; records a Read of every
// user type (or table row type) they name and of the relations behind %TYPE.
FunctionSignature function_signature(const PgQuery__CreateFunctionStmt* stmt, ReplayContext& ctx);

// The input types an object reference such as `f(integer, text)` names, in input_types form;
// nullopt for a bare name (no argument list written).
std::optional<std::string> input_types_of(const PgQuery__ObjectWithArgs* function, ReplayContext& ctx);

// A type as pg_proc stores it for an argument: format_type() text without typmods
// ("character varying(20)" → "character varying", "numeric(10,2)[]" → "numeric[]").
std::string without_typmods(std::string_view type);

// format_type() text as FORMAT_TYPE_FORCE_QUALIFY prints it: built-in types with SQL names
// stay as they are ("integer"), other built-ins get pg_catalog ("pg_catalog.text[]").
std::string force_qualified(std::string_view type);

// The format_type() text of a parameter or result type (typmods kept), recording its reads: a
// name that is a table rather than a type is that table's row type, a Read of the relation.
std::string routine_type_text(const PgQuery__TypeName* type, ReplayContext& ctx);

}  // namespace migc
