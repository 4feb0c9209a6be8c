// Function and DO bodies: where a body comes from, for PL/pgSQL's own parser and for notes.
#pragma once
#include <string>
#include <string_view>

#include "analyzer/replay.h"

namespace migc {

struct RoutineSource {
  std::string what;        // named in notes: "function public.f(integer)", "DO block"
  std::string definition;  // the whole CREATE FUNCTION (PL/pgSQL declares parameters and result
                           // variables from it); "" wraps the body as a DO block
};

// replay_routine_body() for a body whose origin is known. With ctx.execute false the body
// changes nothing, never makes the statement holding it unmodelled, and its references are
// deferred except what a SQL body reads or writes (checked when the function is created).
void replay_routine_body(std::string_view language, std::string_view body, const RoutineSource& source,
                         ReplayContext& ctx);

// A SQL-standard body (BEGIN ATOMIC … END, or RETURN expr): its reads, needed when the
// function is created, since PostgreSQL resolves such a body then. Changes nothing.
void replay_standard_body(const PgQuery__Node* body, ReplayContext& ctx);

}  // namespace migc
