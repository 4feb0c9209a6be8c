// The schema check (a) expects: the analyzer's catalog model after what ran in the deploy
// database, in docs/SCHEMA_JSON.md's shape.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/compile.h"

namespace migc {

// The catalog after the --setup statements that ran without error (`setup`, in order), then
// the migrations in the compiled order, as schema_to_json() prints it without defaults. The
// setup runs in the migrations' session, so the model replays it as a migration before the
// first: a schema and search_path it sets, a table it creates that a migration alters. Without
// setup statements it is `c`'s own catalog. `options` are those `c` was analyzed with.
nlohmann::json predicted_schema(const Compilation& c, const AnalyzeOptions& options,
                                const std::vector<std::string>& setup);

}  // namespace migc
