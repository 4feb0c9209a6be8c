// The checks of `migc verify`, each in its own database on one server, two at a time:
//   (a) predicted   the analyzer's model after the --setup that ran and the compiled order, against
//                   the database after them
//   (b) source      the compiled order against the source tool's own order
//   (c) expect      a committed snapshot against the database (--expect; --update-expect writes it)
//   (d) rollback    the database before deploying against after deploying and rolling back
//   (e) orders      N other valid orders against the compiled order
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/compile.h"
#include "verify/databases.h"
#include "verify/progress.h"
#include "verify/schema_diff.h"
#include "verify/server.h"
#include "verify/timings.h"

namespace migc {

struct VerifyOptions {
  bool predicted = true;
  bool source_order = true;
  std::optional<std::filesystem::path> expect;
  bool update_expect = false;
  bool rollback = false;
  size_t orders = 0;
  uint64_t seed = 1;
  std::vector<std::filesystem::path> setup;  // SQL run in every database first (verify/setup_script.h)
  AnalyzeOptions analyze;                    // what the compilation was analyzed with, for (a)
};

struct CheckResult {
  enum class Status { Passed, Failed, Skipped };
  std::string name;  // "predicted", "source order", "expect", "rollback", "orders"
  Status status = Status::Passed;
  std::string note;  // what was compared, why it was skipped, which order differed
  Sides sides;
  std::vector<SchemaDifference> differences;
  std::optional<Diagnostic> failure;  // a migration that failed to apply in this check
};

struct VerifyReport {
  std::vector<CheckResult> checks;
  std::vector<std::string> warnings;  // statements of --setup that failed
  bool ok() const;
};

// Runs the checks `options` asks for. Throws std::runtime_error when the server or a setup
// file fails (not a verdict on the migrations).
VerifyReport run_checks(const Compilation& c, Server& server, Databases& databases, const VerifyOptions& options,
                        Progress& progress, Timings& timings);

}  // namespace migc
