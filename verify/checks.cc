#include "verify/checks.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "emit/atomic_write.h"
#include "emit/schema_json.h"
#include "verify/apply.h"
#include "verify/file_tree.h"
#include "verify/orders.h"
#include "verify/setup_script.h"
#include "verify/snapshot.h"

namespace fs = std::filesystem;

namespace migc {

using json = nlohmann::json;

bool VerifyReport::ok() const {
  return std::none_of(checks.begin(), checks.end(),
                      [](const CheckResult& c) { return c.status == CheckResult::Status::Failed; });
}

json predicted_schema(const Compilation& c) { return without_defaults(schema_to_json(c.analysis.catalog)); }

namespace {

// One database: set up, migrations applied in `order`, snapshotted; for the compiled order
// with --rollback also rolled back and snapshotted again. The baseline (the state before any
// migration) is a job with no migrations, so it runs beside the deploy on the other core.
struct Job {
  std::string purpose;  // names the database and the progress line
  std::vector<uint32_t> order;
  bool rollback = false;

  std::optional<ApplyFailure> failure, rollback_failure;
  json after, after_rollback;
  std::string error;  // the server or a setup file failed
};

// Opens once; waiting threads go on from then.
class Latch {
 public:
  void open() {
    std::call_once(once_, [&] { promise_.set_value(); });
  }
  void wait() const { opened_.wait(); }

 private:
  std::once_flag once_;
  std::promise<void> promise_;
  std::shared_future<void> opened_ = promise_.get_future().share();
};

class Runner {
 public:
  Runner(const Compilation& c, Server& server, Databases& databases, const VerifyOptions& options,
         Progress& progress, Timings& timings)
      : c_(c), server_(server), databases_(databases), progress_(progress), timings_(timings) {
    for (const auto& file : options.setup) setup_.emplace_back(file);
  }

  // Errors of the setup in the first job's database; the other databases repeat them.
  const std::vector<std::string>& setup_errors() const { return setup_errors_; }

  // Runs every job, two at a time (the databases share one server). jobs[0] is the compiled
  // order; `baseline` the job whose setup must be done before jobs[0] applies migrations.
  void run(std::vector<Job>& jobs, const Job* baseline) {
    first_ = &jobs.front();
    baseline_ = baseline;
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i; (i = next++) < jobs.size();) {
        try {
          run_job(jobs[i]);
        } catch (const std::exception& e) {
          jobs[i].error = e.what();
        }
        // Never leave a job waiting for one that failed.
        if (&jobs[i] == first_) first_set_up_.open();
        if (&jobs[i] == baseline_) baseline_set_up_.open();
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < std::min<size_t>(2, jobs.size()); ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    for (const auto& job : jobs)
      if (!job.error.empty()) throw std::runtime_error(job.error);
  }

 private:
  void run_job(Job& job) {
    std::string label = job.purpose;
    std::replace(label.begin(), label.end(), '_', ' ');
    std::string db = timings_.measure(label + ": create database", [&] { return databases_.create(job.purpose); });
    Connection conn(with_pinned_session(server_.conninfo(db)));
    if (!setup_.empty()) timings_.measure(label + ": setup", [&] { set_up(conn, &job); });
    auto tick = [&](size_t done, size_t total) { progress_.update(label, done, total); };
    if (!job.order.empty())
      job.failure = timings_.measure(fmt::format("{}: apply {} migrations", label, job.order.size()),
                                     [&] { return apply_migrations(conn, c_, job.order, Part::Up, tick); });
    if (job.failure) return;
    job.after = timings_.measure(label + ": snapshot", [&] { return snapshot_schema(conn); });
    if (!job.rollback) return;
    std::vector<uint32_t> reverse(job.order.rbegin(), job.order.rend());
    job.rollback_failure = timings_.measure(label + ": roll back",
                                            [&] { return apply_migrations(conn, c_, reverse, Part::Down, tick); });
    if (!job.rollback_failure)
      job.after_rollback = timings_.measure(label + ": snapshot after rollback", [&] { return snapshot_schema(conn); });
  }

  // Setups run one at a time, the first job's first, so its errors are the ones that matter (a
  // role the others then find already there is not one). Roles are shared by every database of
  // the server, and migrations may change them: the baseline is set up before the compiled
  // order's migrations start.
  void set_up(Connection& conn, const Job* job) {
    bool first = job == first_;
    if (!first) first_set_up_.wait();
    {
      std::lock_guard lock(setup_mutex_);
      for (const auto& script : setup_) {
        auto errors = script.run(conn);
        if (first) setup_errors_.insert(setup_errors_.end(), errors.begin(), errors.end());
      }
    }
    if (first) first_set_up_.open();
    if (job == baseline_) baseline_set_up_.open();
    if (first && baseline_) baseline_set_up_.wait();
  }

  const Compilation& c_;
  Server& server_;
  Databases& databases_;
  Progress& progress_;
  Timings& timings_;
  std::vector<SetupScript> setup_;
  std::vector<std::string> setup_errors_;
  std::mutex setup_mutex_;
  const Job* first_ = nullptr;
  const Job* baseline_ = nullptr;
  Latch first_set_up_, baseline_set_up_;
};

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
  Runner runner(c, server, databases, options, progress, timings);
  std::vector<Job> jobs;
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
  runner.run(jobs, baseline ? &jobs[1] : nullptr);

  VerifyReport report;
  for (const auto& e : runner.setup_errors()) report.warnings.push_back("--setup " + e);
  const Job& deploy = jobs[0];
  const json& before = baseline ? jobs[1].after : deploy.after;
  if (deploy.failure) {
    report.checks.push_back(failed_to_apply("deploy", *deploy.failure, "the compiled order does not apply"));
    return report;
  }
  if (options.predicted) {
    json predicted = predicted_schema(c);
    json actual = without_preexisting(deploy.after, before, predicted);
    report.checks.push_back(
        compared("predicted", predicted, actual, {"predicted", "database"}, ExpressionMatch::Presence));
  }
  if (!options.source_order) {
    // not asked for
  } else if (!source_differs) {
    report.checks.push_back(skipped("source order", "the compiled order is the source tool's own order"));
  } else if (const Job& job = jobs[source_job]; job.failure) {
    report.checks.push_back(failed_to_apply("source order", *job.failure, "the source tool's order does not apply"));
  } else {
    report.checks.push_back(compared("source order", deploy.after, job.after, {"compiled order", "source order"},
                                     ExpressionMatch::Text));
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
      }
      report.checks.push_back(std::move(r));
    }
  }
  if (options.orders > 0) {
    CheckResult r = skipped("orders", "the dependency graph allows no other order");
    for (size_t i = 0; i < orders.size(); ++i) {
      const Job& job = jobs[first_order_job + i];
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
