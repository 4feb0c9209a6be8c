#include "verify/checks.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "emit/atomic_write.h"
#include "verify/database_jobs.h"
#include "verify/file_tree.h"
#include "verify/orders.h"
#include "verify/prediction.h"

namespace fs = std::filesystem;

namespace migc {

using json = nlohmann::json;

bool VerifyReport::ok() const {
  return std::none_of(checks.begin(), checks.end(),
                      [](const CheckResult& c) { return c.status == CheckResult::Status::Failed; });
}

namespace {

std::string order_text(const Compilation& c, const std::vector<uint32_t>& order) {
  std::string out;
  for (uint32_t m : order) out += (out.empty() ? "" : ", ") + c.set.migrations[m].id;
  return out;
}

CheckResult compared(std::string name, const json& left, const json& right, Sides sides, ExpressionMatch match) {
  CheckResult r{std::move(name)};
  r.differences = compare_schemas(left, right, sides, match);
  r.sides = std::move(sides);
  if (!r.differences.empty()) r.status = CheckResult::Status::Failed;
  return r;
}

CheckResult failed_to_apply(std::string name, const ApplyFailure& f, std::string note) {
  CheckResult r{std::move(name), CheckResult::Status::Failed, std::move(note)};
  r.failure = f.diagnostic;
  return r;
}

CheckResult skipped(std::string name, std::string note) {
  return {std::move(name), CheckResult::Status::Skipped, std::move(note)};
}

CheckResult expect_check(const VerifyOptions& options, const json& actual) {
  const fs::path& file = *options.expect;
  if (options.update_expect) {
    write_files_atomically(file.parent_path().empty() ? fs::path(".") : file.parent_path(),
                           {{file.filename().string(), actual.dump(2) + "\n"}});
    CheckResult r{"expect"};
    r.note = "wrote " + file.string();
    return r;
  }
  std::string text = read_text(file);
  if (text.empty() && !fs::exists(file))
    throw std::runtime_error("cannot read --expect " + file.string() + " (write it with --update-expect)");
  json expected;
  try {
    expected = json::parse(text);
  } catch (const json::exception& e) {
    throw std::runtime_error("--expect " + file.string() + " is not JSON: " + e.what());
  }
  CheckResult r = compared("expect", without_defaults(std::move(expected)), actual, {"expected", "database"},
                           ExpressionMatch::Text);
  r.note = "against " + file.string();
  return r;
}

}  // namespace

VerifyReport run_checks(const Compilation& c, Server& server, Databases& databases, const VerifyOptions& options,
                        Progress& progress, Timings& timings) {
  std::vector<DatabaseJob> jobs;
  jobs.push_back({"deploy", c.plan.order, options.rollback});
  bool baseline = options.predicted || options.rollback;
  if (baseline) jobs.push_back({"baseline", {}});
  std::vector<uint32_t> source = source_order(c.set, c.plan);
  bool source_differs = options.source_order && source != c.plan.order;
  size_t source_job = jobs.size();
  if (source_differs) jobs.push_back({"source_order", source});
  size_t first_order_job = jobs.size();
  std::vector<std::vector<uint32_t>> orders = other_orders(c.set, c.plan, options.orders, options.seed);
  for (size_t i = 0; i < orders.size(); ++i) jobs.push_back({fmt::format("order_{}", i + 1), orders[i]});
  SetupResult setup = run_database_jobs(c, server, databases, options.setup, jobs, baseline ? &jobs[1] : nullptr,
                                        progress, timings);

  VerifyReport report;
  for (const auto& e : setup.errors) report.warnings.push_back("--setup " + e);
  const DatabaseJob& deploy = jobs[0];
  const json& before = baseline ? jobs[1].after : deploy.after;
  if (deploy.failure) {
    report.checks.push_back(failed_to_apply("deploy", *deploy.failure, "the compiled order does not apply"));
    return report;
  }
  if (options.predicted) {
    json predicted = timings.measure("predict", [&] { return predicted_schema(c, options.analyze, setup.applied); });
    json actual = without_open_fields(without_preexisting(deploy.after, before, predicted), predicted);
    CheckResult r = compared("predicted", predicted, actual, {"predicted", "database"}, ExpressionMatch::Presence);
    if (r.status == CheckResult::Status::Passed) r.note = "the database is what the analyzer predicted";
    report.checks.push_back(std::move(r));
  }
  if (!options.source_order) {
    // not asked for
  } else if (!source_differs) {
    report.checks.push_back(skipped("source order", "the compiled order is the source tool's own order"));
  } else if (const DatabaseJob& job = jobs[source_job]; job.failure) {
    report.checks.push_back(failed_to_apply("source order", *job.failure, "the source tool's order does not apply"));
  } else {
    CheckResult r = compared("source order", deploy.after, job.after, {"compiled order", "source order"},
                             ExpressionMatch::Text);
    if (r.status == CheckResult::Status::Passed) r.note = "the source tool's order gives the same schema";
    report.checks.push_back(std::move(r));
  }
  if (options.expect) report.checks.push_back(expect_check(options, deploy.after));
  if (options.rollback) {
    if (deploy.rollback_failure) {
      report.checks.push_back(failed_to_apply("rollback", *deploy.rollback_failure, "rollback.sql does not apply"));
    } else {
      CheckResult r = compared("rollback", before, deploy.after_rollback,
                               {"before deploy", "after rollback"}, ExpressionMatch::Text);
      std::vector<std::string> irreversible;
      for (uint32_t m : c.plan.order)
        if (!c.set.migrations[m].down) irreversible.push_back(c.set.migrations[m].id);
      if (!irreversible.empty()) {
        size_t shown = std::min<size_t>(3, irreversible.size());
        r.note = fmt::format("{} migration{} without a down part: {}{}", irreversible.size(),
                             irreversible.size() == 1 ? "" : "s",
                             fmt::join(irreversible.begin(), irreversible.begin() + shown, ", "),
                             shown < irreversible.size() ? ", …" : "");
      } else if (r.status == CheckResult::Status::Passed) {
        r.note = "rolling back returns to the state before deploying";
      }
      report.checks.push_back(std::move(r));
    }
  }
  if (options.orders > 0) {
    CheckResult r = skipped("orders", "the dependency graph allows no other order");
    for (size_t i = 0; i < orders.size(); ++i) {
      const DatabaseJob& job = jobs[first_order_job + i];
      std::string which = fmt::format("order {} of {} ({})", i + 1, orders.size(), order_text(c, job.order));
      if (job.failure) r = failed_to_apply("orders", *job.failure, which + " does not apply");
      else r = compared("orders", deploy.after, job.after, {"compiled order", fmt::format("order {}", i + 1)},
                        ExpressionMatch::Text);
      if (r.status == CheckResult::Status::Failed) {
        if (r.note.empty()) r.note = which + " gives another schema";
        break;
      }
      r.note = fmt::format("{} other orders give the same schema", i + 1);
    }
    if (orders.size() < options.orders && r.status != CheckResult::Status::Failed && !orders.empty())
      r.note += fmt::format(" (the dependency graph allows only {} other orders)", orders.size());
    report.checks.push_back(std::move(r));
  }
  return report;
}

}  // namespace migc
