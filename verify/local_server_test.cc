#include "verify/local_server.h"

#include <csignal>

#include <catch2/catch.hpp>

#include "verify/connection.h"
#include "verify/verify_test_support.h"

namespace fs = std::filesystem;
using namespace migc;
using namespace migc::test;

TEST_CASE("a local server starts, answers on its socket only, and is removed by stop()", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  fs::path run = server->run_dir();
  CHECK(fs::exists(run / ".s.PGSQL.5432"));
  CHECK(fs::exists(run / "data" / "PG_VERSION"));
  Connection db(server->conninfo("postgres"));
  CHECK(db.value("SHOW listen_addresses").empty());
  CHECK(db.value("SHOW fsync") == "off");
  CHECK(db.value("SHOW synchronous_commit") == "off");
  CHECK(db.value("SHOW full_page_writes") == "off");
  CHECK(db.value("SHOW TimeZone") == "UTC");
  pid_t postmaster = server->postmaster();
  CHECK(::kill(postmaster, 0) == 0);
  if (auto user = server_user("postgres")) {  // we are root, which PostgreSQL refuses: it runs as postgres
    std::string status = read_file("/proc/" + std::to_string(postmaster) + "/status");
    CHECK(status.find("\nUid:\t" + std::to_string(user->uid) + "\t") != std::string::npos);
  }

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

TEST_CASE("the server dies with its keeper: the parent-death signal", "[verify]") {
  auto server = start_local_server();
  if (!server) return;
  fs::path run = server->run_dir();
  pid_t postmaster = server->postmaster();
  std::string how = server->keep();
  server.reset();
  pid_t keeper = std::stoi(how.substr(how.find("kill ") + 5));
  ::kill(keeper, SIGKILL);  // no teardown: only the signal the kernel sends the postmaster
  // Gone, or a zombie its new parent has not reaped yet.
  auto running = [&] {
    std::string status = read_file("/proc/" + std::to_string(postmaster) + "/status");
    return !status.empty() && status.find("\nState:\tZ") == std::string::npos;
  };
  CHECK(eventually([&] { return !running() && !process_mentions(run.string()); }));
  std::error_code ec;
  fs::remove_all(run, ec);  // the keeper would have removed it
}
