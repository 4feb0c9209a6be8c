// The default throwaway server: a private cluster copied from the initdb cache into a fresh
// temporary directory, listening only on a Unix socket there, owned by a keeper process
// (verify/server_keeper.h) that tears it down whenever migc ends.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <sys/types.h>

#include "verify/cluster_cache.h"
#include "verify/interrupt.h"
#include "verify/pg_install.h"
#include "verify/server.h"

namespace migc {

struct LocalServerOptions {
  std::filesystem::path pg_bin;         // "" = find through pg_config
  std::string server_user = "postgres";  // when migc runs as root
  ClusterSettings cluster;
};

class LocalServer : public Server {
 public:
  // Starts the server in the background: wait_ready() waits for it. It forks, so construct it
  // before starting threads. Throws std::runtime_error when it cannot even begin.
  explicit LocalServer(const LocalServerOptions& options);
  ~LocalServer() override;

  void wait_ready() override;
  std::string conninfo(const std::string& database) const override;
  std::string admin_database() const override { return "postgres"; }
  bool throwaway() const override { return true; }
  std::string describe() const override;
  std::string keep() override;
  void stop() override;
  void stop_in_background() override;

  const PgInstall& install() const { return install_; }
  const std::filesystem::path& run_dir() const { return run_dir_; }
  pid_t postmaster() const { return postmaster_; }

 private:
  std::string read_status_line(int timeout_ms);

  PgInstall install_;
  std::filesystem::path run_dir_;
  pid_t keeper_ = -1, postmaster_ = 0;
  int control_ = -1, status_ = -1;
  std::string status_buffer_;
  std::optional<Cleanup> cleanup_;
};

}  // namespace migc
