// The whole offline pipeline in one call: load → parse → analyze → plan. Emitters and later
// stages take the Compilation it returns.
#pragma once
#include <string>

#include "analyzer/analysis.h"
#include "analyzer/analyze.h"
#include "compiler/loader.h"
#include "compiler/parser.h"
#include "compiler/planner.h"

namespace migc {

struct CompileOptions {
  LoadOptions load;
  ParseOptions parse;
  PlanOptions plan;
  AnalyzeOptions analyze;
};

struct Compilation {
  MigrationSet set;
  ParsedSet parsed;
  Plan plan;
  Analysis analysis;
  std::string fingerprint;  // sha256 over the format and every input file's path and text
};

// Throws CompileError on bad input, including a migration of a linear format that uses an
// object only a later migration creates.
Compilation compile(const CompileOptions& options);

// sha256 of the texts of the migration's files, in order: what --track records.
std::string migration_checksum(const MigrationSet& set, const Migration& m);

}  // namespace migc
