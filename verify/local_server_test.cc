#include "verify/local_server.h"

#include <chrono>
#include <csignal>
#include <thread>

#include <catch2/catch.hpp>

#include "verify/connection.h"
#include "verify/verify_test_support.h"

namespace fs = std::filesystem;
using namespace migc;
using namespace migc::test;

namespace {

// True when some process's command line mentions `text` (the run directory).
bool process_mentions(const std::string& text) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    std::string cmdline = read_file(entry.path() / "cmdline");
    for (char& c : cmdline)
      if (c == '\0') c = ' ';
    if (cmdline.find(text) != std::string::npos) return true;
  }
  return false;
}

// Waits up to 10 s for `done()`.
template <class F>
bool eventually(F done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace

TEST_CASE("a local server starts, answers on its socket only, and is removed by stop()", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  fs::path run = server->run_dir();
  CHECK(fs::exists(run / ".s.PGSQL.5432"));
  CHECK(fs::exists(run / "data" / "PG_VERSION"));
  Connection db(server->conninfo("postgres"));
  CHECK(db.value("SHOW listen_addresses").empty());
  CHECK(db.value("SHOW fsync") == "off");
  CHECK(db.value("SHOW TimeZone") == "UTC");
  pid_t postmaster = server->postmaster();
  CHECK(::kill(postmaster, 0) == 0);

  server->stop();
  CHECK_FALSE(fs::exists(run));
  CHECK(::kill(postmaster, 0) != 0);
  CHECK_FALSE(process_mentions(run.string()));
}

TEST_CASE("a server stopped in the background is gone soon after", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  fs::path run = server->run_dir();
  server->stop_in_background();
  server.reset();
  CHECK(eventually([&] { return !fs::exists(run) && !process_mentions(run.string()); }));
}

TEST_CASE("a kept server outlives its object and stops when its keeper is told to", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  fs::path run = server->run_dir();
  std::string conninfo = server->conninfo("postgres");
  std::string how = server->keep();
  server.reset();
  CHECK(Connection(conninfo).value("SELECT 1") == "1");
  auto at = how.find("kill ");
  REQUIRE(at != std::string::npos);
  pid_t keeper = std::stoi(how.substr(at + 5));
  CHECK(how.find(run.string()) != std::string::npos);
  ::kill(keeper, SIGTERM);
  CHECK(eventually([&] { return !fs::exists(run) && !process_mentions(run.string()); }));
}
