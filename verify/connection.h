// A connection that keeps PostgreSQL's notices to itself and runs every statement as sent (no
// transaction of its own), so the statements decide the transaction structure.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>

struct pg_conn;

namespace migc {

// The server refused a statement; what() is its error text as libpq gives it ("ERROR:  …").
struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The connection could not be made, or was lost.
struct ConnectionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Connection {
 public:
  explicit Connection(const std::string& conninfo);  // throws ConnectionError
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (one statement or several); throws SqlError or ConnectionError.
  void exec(const std::string& sql) { run(sql, false); }
  // The first column of the first row of `sql` ("" when there is none or it is NULL).
  std::string value(const std::string& sql) { return run(sql, true); }

 private:
  std::string run(const std::string& sql, bool first_value);
  pg_conn* conn_;
};

// A libpq connection-string value, quoted.
std::string conninfo_quote(const std::string& value);

}  // namespace migc
