#include "verify/database_jobs.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "verify/snapshot.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

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

// Two workers take the jobs in turn: the databases share one server and two cores.
class Runner {
 public:
  Runner(const Compilation& c, Server& server, Databases& databases, const std::vector<fs::path>& setup,
         Progress& progress, Timings& timings)
      : c_(c), server_(server), databases_(databases), progress_(progress), timings_(timings) {
    for (const auto& file : setup) setup_.emplace_back(file);
  }

  // The setup in the first job's database; the other databases repeat it.
  SetupResult& first_setup() { return first_setup_; }

  void run(std::vector<DatabaseJob>& jobs, const DatabaseJob* baseline) {
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
  void run_job(DatabaseJob& job) {
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
  void set_up(Connection& conn, const DatabaseJob* job) {
    bool first = job == first_;
    if (!first) first_set_up_.wait();
    {
      std::lock_guard lock(setup_mutex_);
      SetupResult result;
      for (const auto& script : setup_) script.run(conn, result);
      if (first) first_setup_ = std::move(result);
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
  SetupResult first_setup_;
  std::mutex setup_mutex_;
  const DatabaseJob* first_ = nullptr;
  const DatabaseJob* baseline_ = nullptr;
  Latch first_set_up_, baseline_set_up_;
};

}  // namespace

SetupResult run_database_jobs(const Compilation& c, Server& server, Databases& databases,
                              const std::vector<fs::path>& setup, std::vector<DatabaseJob>& jobs,
                              const DatabaseJob* baseline, Progress& progress, Timings& timings) {
  Runner runner(c, server, databases, setup, progress, timings);
  runner.run(jobs, baseline);
  return std::move(runner.first_setup());
}

}  // namespace migc
