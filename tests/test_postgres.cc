#include "tests/test_postgres.h"

#include <random>
#include <unistd.h>

namespace fs = std::filesystem;

namespace migc::test {

namespace {

std::optional<fs::path> find_bin() {
  for (int major : {15, 16, 17})
    if (fs::path p = fs::path("/usr/lib/postgresql") / std::to_string(major) / "bin"; fs::exists(p / "initdb"))
      return p;
  RunResult r = run_shell("pg_config --bindir");
  if (r.exit_code == 0) {
    fs::path p = r.out.substr(0, r.out.find('\n'));
    if (fs::exists(p / "initdb")) return p;
  }
  return std::nullopt;
}

// As root, server commands run as the unprivileged postgres user.
std::string as_server_user(const std::string& command) {
  if (::geteuid() != 0) return command;
  return "su postgres -s /bin/sh -c '" + command + "'";
}

}  // namespace

TestPostgres::TestPostgres() {
  auto bin = find_bin();
  if (!bin) {
    reason_ = "no PostgreSQL server binaries (initdb) found";
    return;
  }
  bin_ = *bin;
  dir_ = fs::temp_directory_path() / ("migc-pg-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir_);
  if (::geteuid() == 0) run_shell("chown postgres " + dir_.string());
  std::string data = (dir_ / "data").string();
  RunResult init = run_shell(as_server_user(bin_.string() + "/initdb -D " + data +
                                            " -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync"));
  if (init.exit_code != 0) {
    reason_ = "initdb failed: " + init.err;
    return;
  }
  RunResult start = run_shell(as_server_user(
      bin_.string() + "/pg_ctl -D " + data + " -w -l " + (dir_ / "log").string() + " -o \"-k " + dir_.string() +
      " -c listen_addresses= -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start"));
  if (start.exit_code != 0) {
    reason_ = "pg_ctl start failed: " + start.err + read_file(dir_ / "log");
    return;
  }
  started_ = true;
}

TestPostgres::~TestPostgres() {
  if (started_) run_shell(as_server_user(bin_.string() + "/pg_ctl -D " + (dir_ / "data").string() + " -m immediate stop"));
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

RunResult TestPostgres::psql(const std::string& database, const std::string& args, const std::string& user,
                              bool stop_on_error) const {
  return run_shell(bin_.string() + "/psql -X -q -v ON_ERROR_STOP=" + (stop_on_error ? "1" : "0") + " -h " +
                   dir_.string() + " -U " + user + " -d " + database + " " + args);
}

std::string TestPostgres::create_database() {
  std::string name = "db" + std::to_string(++databases_);
  psql("postgres", "-c 'CREATE DATABASE " + name + "'");
  return name;
}

RunResult TestPostgres::psql_file(const std::string& database, const fs::path& file, const std::string& user,
                                   bool stop_on_error) const {
  return psql(database, "-f '" + file.string() + "'", user, stop_on_error);
}

RunResult TestPostgres::psql_command(const std::string& database, const std::string& sql) const {
  TempDir d;
  d.write("cmd.sql", sql);
  return psql_file(database, d.path() / "cmd.sql");
}

}  // namespace migc::test
