// Which PostgreSQL server binaries a local throwaway cluster uses: --pg-bin, else the bindir
// pg_config reports, else the newest Debian-style /usr/lib/postgresql/<major>/bin.
#pragma once
#include <filesystem>
#include <string>

namespace migc {

struct PgInstall {
  std::filesystem::path bin;  // holds initdb and postgres
  int major = 0;              // 15 for "postgres (PostgreSQL) 15.20"
  std::string version;        // "15.20"
};

// Throws std::runtime_error saying what to install or pass when nothing usable is found.
PgInstall find_pg_install(const std::filesystem::path& pg_bin = {});

// "postgres (PostgreSQL) 15.20 (Debian …)" → 15 and "15.20"; 0 and "" when unreadable.
std::pair<int, std::string> parse_postgres_version(const std::string& output);

}  // namespace migc
