#include "verify/local_server.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <linux/magic.h>
#include <poll.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <fmt/format.h>

#include "verify/connection.h"
#include "verify/libpq.h"
#include "verify/server_keeper.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

// $TMPDIR when set; else /dev/shm when it is a roomy tmpfs (copying the cluster and creating
// databases there is several times faster than on disk); else /tmp.
std::string run_dir_base() {
  if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir && *tmpdir) return tmpdir;
  struct statfs fs;
  if (::statfs("/dev/shm", &fs) == 0 && fs.f_type == TMPFS_MAGIC && ::access("/dev/shm", W_OK) == 0 &&
      static_cast<unsigned long long>(fs.f_bavail) * fs.f_bsize >= (256ull << 20))
    return "/dev/shm";
  return "/tmp";
}

// A fresh private folder; /tmp when the socket path would be too long for a Unix socket (108
// bytes with its name).
fs::path make_run_dir() {
  std::string base = run_dir_base();
  if (base.size() + std::strlen("/migc-XXXXXX/.s.PGSQL.5432") >= 100) base = "/tmp";
  std::string pattern = base + "/migc-XXXXXX";
  if (!::mkdtemp(pattern.data()))
    throw std::runtime_error("cannot create a temporary folder in " + base + ": " + std::strerror(errno));
  return pattern;
}

}  // namespace

LocalServer::LocalServer(const LocalServerOptions& options) : install_(find_pg_install(options.pg_bin)) {
  std::optional<ServerUser> user = server_user(options.server_user);
  run_dir_ = make_run_dir();
  auto give_up = [&](const std::string& why) {
    std::error_code ec;
    fs::remove_all(run_dir_, ec);
    throw std::runtime_error(why);
  };
  if (user && ::chown(run_dir_.c_str(), user->uid, user->gid) != 0)
    give_up(fmt::format("cannot give {} to {}: {}", run_dir_.string(), user->name, std::strerror(errno)));
  KeeperPlan plan{install_, options.cluster, user, run_dir_, {}};
  try {
    plan.template_dir = template_dir(install_, options.cluster);
  } catch (const std::exception& e) {
    give_up(e.what());
  }
  int control[2], status[2];
  if (::pipe2(control, O_CLOEXEC) != 0) give_up(std::string("pipe: ") + std::strerror(errno));
  if (::pipe2(status, O_CLOEXEC) != 0) give_up(std::string("pipe: ") + std::strerror(errno));
  keeper_ = ::fork();
  if (keeper_ < 0) give_up(std::string("fork: ") + std::strerror(errno));
  if (keeper_ == 0) run_keeper(plan, control[0], status[1]);
  ::close(control[0]);
  ::close(status[1]);
  control_ = control[1];
  status_ = status[0];
  cleanup_.emplace([this] {
    ::close(control_);  // the keeper stops the server and removes the run directory
    control_ = -1;
    wait_for(keeper_);
  });
}

LocalServer::~LocalServer() {
  stop();
  ::close(status_);
}

void LocalServer::stop() {
  if (cleanup_) cleanup_->run();
}

void LocalServer::stop_in_background() {
  // Closing the pipe is the stop signal; the keeper finishes on its own, also after we exit.
  if (cleanup_) cleanup_->dismiss();
  if (control_ >= 0) ::close(control_);
  control_ = -1;
}

// The next line the keeper wrote, "" when none came within `timeout_ms`.
std::string LocalServer::read_status_line(int timeout_ms) {
  for (;;) {
    if (size_t end = status_buffer_.find('\n'); end != std::string::npos) {
      std::string line = status_buffer_.substr(0, end);
      status_buffer_.erase(0, end + 1);
      return line;
    }
    pollfd p{status_, POLLIN, 0};
    int ready = ::poll(&p, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return "";
    char chunk[512];
    ssize_t n = ::read(status_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("the process that runs the PostgreSQL server ended unexpectedly");
    status_buffer_.append(chunk, static_cast<size_t>(n));
  }
}

void LocalServer::wait_ready() {
  using clock = std::chrono::steady_clock;
  auto deadline = clock::now() + std::chrono::seconds(60);
  std::string log;
  for (;;) {
    std::string line = read_status_line(postmaster_ ? 2 : 100);
    if (line.rfind("pid ", 0) == 0) {
      postmaster_ = std::atoi(line.c_str() + 4);
    } else if (line.rfind("error ", 0) == 0) {
      stop();
      throw std::runtime_error("cannot start a local PostgreSQL server: " + line.substr(6));
    } else if (line.rfind("log ", 0) == 0) {
      log += "  " + line.substr(4) + "\n";
    } else if (line == "exited") {
      stop();
      throw std::runtime_error("the local PostgreSQL server stopped while starting; its log ends with:\n" + log);
    }
    if (postmaster_ && line.empty() && libpq().ping(conninfo(admin_database()).c_str()) == PQPING_OK) return;
    if (clock::now() > deadline) {
      stop();
      throw std::runtime_error("the local PostgreSQL server did not accept connections within 60 s");
    }
  }
}

std::string LocalServer::conninfo(const std::string& database) const {
  return "host=" + conninfo_quote(run_dir_.string()) + " port=5432 user=" + kSuperuser +
         " dbname=" + conninfo_quote(database);
}

std::string LocalServer::describe() const {
  return fmt::format("a local PostgreSQL {} cluster in {}", install_.version, run_dir_.string());
}

std::string LocalServer::keep() {
  if (cleanup_) cleanup_->dismiss();
  if (control_ >= 0) {
    (void)!::write(control_, "k", 1);
    ::close(control_);
    control_ = -1;
  }
  return fmt::format("the server keeps running in {}\n  connect: psql \"host={} user={} dbname=<database>\"\n"
                     "  stop it: kill {}  (the folder is removed when the server stops)\n",
                     run_dir_.string(), run_dir_.string(), kSuperuser, keeper_);
}

}  // namespace migc
