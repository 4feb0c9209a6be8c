// The whole offline pipeline in one call: load → parse → plan. Emitters and later stages take
// the Compilation it returns.
#pragma once
#include <string>

#include "compiler/loader.h"
#include "compiler/parser.h"
#include "compiler/planner.h"

namespace migc {

struct CompileOptions {
  LoadOptions load;
  ParseOptions parse;
  PlanOptions plan;
};

struct Compilation {
  MigrationSet set;
  ParsedSet parsed;
  Plan plan;
  std::string fingerprint;  // sha256 over the format and every input file's path and text
};

// Throws CompileError on bad input.
Compilation compile(const CompileOptions& options);

// sha256 of the texts of the migration's files, in order: what --track records.
std::string migration_checksum(const MigrationSet& set, const Migration& m);

}  // namespace migc
