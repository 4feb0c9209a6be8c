// The keeper: a small process forked from migc that owns a local throwaway cluster. It copies
// the cached data directory (on first use it runs initdb, and fills the cache once the server
// runs), starts the postmaster (as the server user when migc is root) with a parent-death
// signal, and removes the run directory once the postmaster is gone. It stops the server as
// soon as its control pipe closes, so the server is torn down however migc ends, kill -9
// included.
//
// Status lines it writes to migc: "pid <postmaster pid>", "error <message>", "exited".
// Control bytes it reads: 'k' keeps the server running after migc exits (--keep); end of
// file (migc closed the pipe or died) stops it. SIGTERM stops it too.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "verify/child_process.h"
#include "verify/cluster_cache.h"
#include "verify/pg_install.h"

namespace migc {

struct KeeperPlan {
  PgInstall install;
  ClusterSettings cluster;
  std::optional<ServerUser> user;      // the server runs as this user (migc is root)
  std::filesystem::path run_dir;       // socket, log and data/ live here; owned by the server user
  std::filesystem::path template_dir;  // the cached data directory
};

// Settings for a throwaway server: no durability, no background work, pinned TimeZone and
// DateStyle defaults (docs/VERIFY.md), as name=value.
std::vector<std::string> throwaway_server_settings();

// The postmaster's command line: those settings, listening only on the run directory's socket.
std::vector<std::string> postmaster_command(const KeeperPlan& plan);

// Runs in the forked child; never returns.
[[noreturn]] void run_keeper(const KeeperPlan& plan, int control_fd, int status_fd);

}  // namespace migc
