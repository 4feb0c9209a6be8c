// yoyo source directories (formats.md §1): `.sql` migrations with their `.rollback.sql`
// companions and `.py` migrations read statically. Shared by the yoyo and MigChain readers.
#pragma once
#include <string>

#include "compiler/loader.h"

namespace migc {

// Appends the migrations of the source directory `dir` ("" = the root, not recursive) to the
// set, in yoyo's order (sorted file names), with the set's format.
void read_yoyo_source(LoadContext& ctx, const std::string& dir);

// yoyo refuses a dependency on an id it has not loaded: one error per unknown id, at the place
// the id is written.
void check_yoyo_depends(const MigrationSet& set);

}  // namespace migc
