// Generic traversal of libpg_query trees through the protobuf-c descriptors, so that a search for
// one node kind (function calls, relation names) cannot miss a place the grammar allows it.
#pragma once
#include <functional>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

// Calls `visit` on `root` and on every PgQuery__Node below it, parents before children, in field
// order. Nodes held directly as typed fields (e.g. InsertStmt.relation, a RangeVar) are not
// PgQuery__Node wrappers and are walked through without a visit. `visit` returns false to skip
// the children of the node it was given.
void walk_nodes(const PgQuery__Node* root, const std::function<bool(const PgQuery__Node*)>& visit);

}  // namespace migc
