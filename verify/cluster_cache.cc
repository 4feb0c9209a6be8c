#include "verify/cluster_cache.h"

#include <csignal>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "verify/file_tree.h"

namespace fs = std::filesystem;

namespace migc {

fs::path cache_root() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "migc";
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw std::runtime_error("neither XDG_CACHE_HOME nor HOME is set: no cache folder for initdb");
  return fs::path(home) / ".cache" / "migc";
}

fs::path template_dir(const PgInstall& install, const ClusterSettings& settings) {
  std::string key = "pg" + std::to_string(install.major) + "-" + settings.encoding + "-" + settings.locale;
  for (char& c : key)
    if (c == '/' || c == ' ') c = '_';
  return cache_root() / key;
}

void init_cluster(const PgInstall& install, const ClusterSettings& settings, const fs::path& data,
                  const std::optional<ServerUser>& user) {
  // --wal-segsize=1 keeps pg_wal small, so copying the template is quick.
  ProgramResult r = run_program({(install.bin / "initdb").string(), "-D", data.string(), "-A", "trust", "-U",
                                 kSuperuser, "-E", settings.encoding, "--locale=" + settings.locale, "--no-sync",
                                 "--wal-segsize=1"},
                                {.user = user, .death_signal = SIGKILL});
  if (r.exit_code != 0) throw std::runtime_error("initdb failed:\n" + r.output);
}

void publish_template(const fs::path& data, const fs::path& target) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create the cache folder " + target.parent_path().string() + ": " + ec.message());
  fs::path staging = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
  if (auto copy = copy_tree(data, staging, std::nullopt))
    throw std::runtime_error("cannot copy the new cluster into the cache " + staging.string() + ": " + copy.message());
  fs::rename(staging, target, ec);
  if (ec) fs::remove_all(staging, ec);  // another process published the same template first
}

}  // namespace migc
