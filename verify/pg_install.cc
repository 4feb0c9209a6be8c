#include "verify/pg_install.h"

#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string_view>

#include "verify/child_process.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

bool has_server(const fs::path& bin) {
  std::error_code ec;
  return fs::exists(bin / "postgres", ec) && fs::exists(bin / "initdb", ec);
}

std::optional<fs::path> pg_config_bindir() {
  auto pg_config = find_program("pg_config");
  if (!pg_config) return std::nullopt;
  ProgramResult r = run_program({pg_config->string(), "--bindir"});
  if (r.exit_code != 0) return std::nullopt;
  return fs::path(r.output.substr(0, r.output.find('\n')));
}

// Debian and Ubuntu install each major beside the others; pg_config may belong to libpq only.
std::optional<fs::path> newest_debian_bindir() {
  std::optional<fs::path> best;
  int best_major = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int major = std::atoi(entry.path().filename().c_str());
    if (major > best_major && has_server(entry.path() / "bin")) {
      best_major = major;
      best = entry.path() / "bin";
    }
  }
  return best;
}

}  // namespace

std::pair<int, std::string> parse_postgres_version(const std::string& output) {
  static const std::regex version(R"(PostgreSQL\)? (\d+)(\.\d+)?)");
  std::smatch m;
  if (!std::regex_search(output, m, version)) return {0, ""};
  return {std::stoi(m[1].str()), m[1].str() + m[2].str()};
}

PgInstall find_pg_install(const fs::path& pg_bin) {
  PgInstall install;
  if (!pg_bin.empty()) {
    if (!has_server(pg_bin)) throw std::runtime_error("--pg-bin " + pg_bin.string() + " holds no initdb and postgres");
    install.bin = pg_bin;
  } else if (auto bin = pg_config_bindir(); bin && has_server(*bin)) {
    install.bin = *bin;
  } else if (auto debian = newest_debian_bindir()) {
    install.bin = *debian;
  } else {
    throw std::runtime_error(
        "no PostgreSQL server binaries found (initdb, postgres): install PostgreSQL, pass --pg-bin DIR, or use "
        "--docker or --dsn URL");
  }
  ProgramResult r = run_program({(install.bin / "postgres").string(), "--version"});
  std::tie(install.major, install.version) = parse_postgres_version(r.output);
  if (r.exit_code != 0 || install.major == 0)
    throw std::runtime_error((install.bin / "postgres").string() + " --version failed: " + r.output);
  return install;
}

}  // namespace migc
