// The databases the checks compare (verify/checks.h): one per order of migrations, each
// created, set up (--setup), migrated and snapshotted, two at a time on one server.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/compile.h"
#include "verify/apply.h"
#include "verify/databases.h"
#include "verify/progress.h"
#include "verify/server.h"
#include "verify/setup_script.h"
#include "verify/timings.h"

namespace migc {

// One database: migrations applied in `order`, then snapshotted; with `rollback` also rolled
// back and snapshotted again. The baseline (the state before any migration) is a job without
// migrations, so it runs beside the compiled order on the other core.
struct DatabaseJob {
  std::string purpose;  // names the database ("deploy" → migc_deploy) and the progress line
  std::vector<uint32_t> order;
  bool rollback = false;

  std::optional<ApplyFailure> failure, rollback_failure;
  nlohmann::json after, after_rollback;
  std::string error;  // the server failed
};

// Runs every job; jobs[0] is the compiled order, whose --setup result is returned (the other
// databases repeat it), and `baseline` (or null) is set up before jobs[0]'s migrations
// start. Throws std::runtime_error when a job could not run.
SetupResult run_database_jobs(const Compilation& c, Server& server, Databases& databases,
                              const std::vector<std::filesystem::path>& setup, std::vector<DatabaseJob>& jobs,
                              const DatabaseJob* baseline, Progress& progress, Timings& timings);

}  // namespace migc
