// A throwaway PostgreSQL server for tests: initdb into a temp folder, Unix socket only, fsync
// off, run as the `postgres` user when the tests run as root; stopped and removed by the
// destructor.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "tests/test_support.h"

namespace migc::test {

class TestPostgres {
 public:
  // Starts a server, or leaves it unavailable (with reason()) when no PostgreSQL is installed.
  TestPostgres();
  ~TestPostgres();
  TestPostgres(const TestPostgres&) = delete;
  TestPostgres& operator=(const TestPostgres&) = delete;

  bool available() const { return started_; }
  const std::string& reason() const { return reason_; }

  // Creates an empty database and returns its name.
  std::string create_database();
  // psql -X on `database` as `user`, stopping at the first error unless told otherwise.
  RunResult psql_file(const std::string& database, const std::filesystem::path& file,
                      const std::string& user = "postgres", bool stop_on_error = true) const;
  RunResult psql_command(const std::string& database, const std::string& sql) const;

 private:
  RunResult psql(const std::string& database, const std::string& args, const std::string& user = "postgres",
                 bool stop_on_error = true) const;
  std::filesystem::path dir_;
  std::filesystem::path bin_;
  bool started_ = false;
  std::string reason_;
  int databases_ = 0;
};

}  // namespace migc::test
