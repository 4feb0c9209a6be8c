#include "verify/child_process.h"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace migc {

std::optional<ServerUser> server_user(const std::string& name) {
  if (::geteuid() != 0) return std::nullopt;
  std::array<char, 4096> buffer{};
  passwd pw{};
  passwd* found = nullptr;
  if (::getpwnam_r(name.c_str(), &pw, buffer.data(), buffer.size(), &found) != 0 || !found)
    throw std::runtime_error("PostgreSQL refuses to run as root and the server user '" + name +
                             "' does not exist (choose one with --server-user)");
  return ServerUser{name, pw.pw_uid, pw.pw_gid};
}

std::optional<std::filesystem::path> find_program(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (;;) {
    size_t colon = dirs.find(':');
    std::filesystem::path candidate = std::filesystem::path(dirs.substr(0, colon)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    dirs.remove_prefix(colon + 1);
  }
}

void close_descriptors_except(std::initializer_list<int> keep) {
  int sorted[8];
  size_t n = 0;
  for (int fd : keep) {
    if (n == 8 || fd < 3) continue;
    size_t i = n++;
    for (; i > 0 && sorted[i - 1] > fd; --i) sorted[i] = sorted[i - 1];
    sorted[i] = fd;
  }
  unsigned from = 3;
  for (size_t i = 0; i < n; ++i) {
    auto fd = static_cast<unsigned>(sorted[i]);
    if (fd > from) ::close_range(from, fd - 1, 0);
    from = fd + 1;
  }
  ::close_range(from, ~0U, 0);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

namespace {

// Switches to `user` for good: groups first, then gid, then uid.
bool become(const ServerUser& user) {
  return ::setgroups(1, &user.gid) == 0 && ::setgid(user.gid) == 0 && ::setuid(user.uid) == 0;
}

// The child reports why it could not exec through a close-on-exec pipe: a stage and errno.
struct ExecFailure {
  int stage;
  int error;
};
constexpr const char* kStages[] = {"cannot open its output file", "cannot switch to the server user",
                                   "cannot set the parent-death signal", "cannot start"};

// Everything is prepared before fork(): the child only makes async-signal-safe calls.
pid_t spawn_with_output(const std::vector<std::string>& argv, const SpawnOptions& options, int output_fd) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const char* output_path = options.output.empty() ? "/dev/null" : options.output.c_str();

  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(report[0]);
    ::close(report[1]);
    throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
  }
  if (pid == 0) {
    auto fail = [&](int stage) {
      ExecFailure f{stage, errno};
      (void)!::write(report[1], &f, sizeof f);
      ::_exit(127);
    };
    if (output_fd >= 0) {
      ::dup2(output_fd, 1);
      ::dup2(output_fd, 2);
    } else {
      int out = ::open(output_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (out < 0) fail(0);
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    int in = ::open("/dev/null", O_RDONLY);
    if (in >= 0) ::dup2(in, 0);
    // Nothing of migc's leaks into the program: blocked or ignored signals, descriptors.
    sigset_t all;
    sigfillset(&all);
    ::sigprocmask(SIG_UNBLOCK, &all, nullptr);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD}) ::signal(sig, SIG_DFL);
    close_descriptors_except({report[1]});
    if (options.user && !become(*options.user)) fail(1);
    if (options.death_signal) {
      if (::prctl(PR_SET_PDEATHSIG, options.death_signal) != 0) fail(2);
      if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
    }
    ::execv(args[0], args.data());
    fail(3);
  }
  ::close(report[1]);
  ExecFailure f{};
  ssize_t n;
  while ((n = ::read(report[0], &f, sizeof f)) < 0 && errno == EINTR) {
  }
  ::close(report[0]);
  if (n == static_cast<ssize_t>(sizeof f)) {
    wait_for(pid);
    throw std::runtime_error(argv[0] + ": " + kStages[f.stage] + ": " + std::strerror(f.error));
  }
  return pid;
}

}  // namespace

pid_t spawn(const std::vector<std::string>& argv, const SpawnOptions& options) {
  return spawn_with_output(argv, options, -1);
}

ProgramResult run_program(const std::vector<std::string>& argv, const SpawnOptions& options) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  pid_t pid;
  try {
    pid = spawn_with_output(argv, options, out[1]);
  } catch (...) {
    ::close(out[0]);
    ::close(out[1]);
    throw;
  }
  ::close(out[1]);
  ProgramResult r;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n > 0) r.output.append(buffer, static_cast<size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  ::close(out[0]);
  r.exit_code = wait_for(pid);
  return r;
}

}  // namespace migc
