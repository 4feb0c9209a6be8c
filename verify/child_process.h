// Running PostgreSQL's programs: as an unprivileged user when migc runs as root (PostgreSQL
// refuses to run as root), with a clean signal mask and no inherited descriptors, optionally
// tied to our lifetime with a parent-death signal.
#pragma once
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace migc {

struct ServerUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
};

// The user the server runs as: `name` when migc runs as root, nullopt (ourselves) otherwise.
// Throws std::runtime_error when the user does not exist.
std::optional<ServerUser> server_user(const std::string& name);

// The program's path through $PATH, or nullopt.
std::optional<std::filesystem::path> find_program(std::string_view name);

struct SpawnOptions {
  std::optional<ServerUser> user;  // switch to this user in the child (requires root)
  int death_signal = 0;            // PR_SET_PDEATHSIG in the child, set after switching user
  std::string output;              // file for stdout and stderr ("" = /dev/null)
};

// Starts `argv` (argv[0] is the program's path) and returns its pid. Throws
// std::runtime_error when the program cannot be started (with the reason from the child).
pid_t spawn(const std::vector<std::string>& argv, const SpawnOptions& options);

struct ProgramResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string output;  // stdout and stderr together
};

// Runs `argv` to completion, capturing its output.
ProgramResult run_program(const std::vector<std::string>& argv, const SpawnOptions& options = {});

// waitpid() that retries on EINTR; returns the exit code, or -1 when killed by a signal.
int wait_for(pid_t pid);

// Closes every descriptor above stderr except those in `keep` (at most 8). Async-signal-safe,
// for use between fork() and exec().
void close_descriptors_except(std::initializer_list<int> keep);

}  // namespace migc
