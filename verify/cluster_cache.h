// The cache of initialised data directories: initdb costs about a second, so it runs once per
// (PostgreSQL major, encoding, locale) and every verify copies the result.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "verify/child_process.h"
#include "verify/pg_install.h"

namespace migc {

struct ClusterSettings {
  std::string encoding = "UTF8";
  std::string locale = "C";
};

inline constexpr const char* kSuperuser = "postgres";  // the role initdb creates

// $XDG_CACHE_HOME/migc, else ~/.cache/migc.
std::filesystem::path cache_root();

// <cache_root>/pg<major>-<encoding>-<locale>: the template data directory for these settings.
std::filesystem::path template_dir(const PgInstall& install, const ClusterSettings& settings);

// Runs initdb into `data` (which must not exist; its parent writable by `user`). Throws
// std::runtime_error with initdb's output on failure.
void init_cluster(const PgInstall& install, const ClusterSettings& settings, const std::filesystem::path& data,
                  const std::optional<ServerUser>& user);

// Copies a fresh data directory into the cache at `target` atomically: into a temporary name
// beside it, then renamed. When another process published first, its copy is kept.
void publish_template(const std::filesystem::path& data, const std::filesystem::path& target);

}  // namespace migc
