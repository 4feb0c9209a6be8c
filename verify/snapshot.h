// The real schema of a database, read from its catalog into docs/SCHEMA_JSON.md's shape (the
// shape `migc schema --format json` prints), deterministically: names rather than oids,
// pinned session settings, column positions, enum label order.
#pragma once
#include <nlohmann/json.hpp>

#include "verify/connection.h"

namespace migc {

// Fields at their default value are left out (verify/schema_diff.h without_defaults()).
nlohmann::json snapshot_schema(Connection& db);

}  // namespace migc
