// Reads of expressions that are evaluated against one relation's rows, where an unqualified
// column names a column of that relation: CHECK constraints, index expressions and predicates,
// generated columns, policies, trigger WHEN conditions. (collect_reads() in analyzer/replay.h
// covers expressions and queries with their own FROM.)
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace migc {

void collect_reads_on(const PgQuery__Node* expr, const QualifiedName& relation, ReplayContext& ctx);

}  // namespace migc
