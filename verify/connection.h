// A libpqxx connection that keeps PostgreSQL's notices to itself and runs every statement as
// sent (no transaction of its own), so the statements decide the transaction structure.
#pragma once
#include <string>

#include <pqxx/pqxx>

namespace migc {

class Connection {
 public:
  explicit Connection(const std::string& conninfo);  // throws pqxx::broken_connection
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  pqxx::result exec(const std::string& sql) { return tx_.exec(sql); }
  // The first column of the first row of `sql`.
  std::string value(const std::string& sql);

 private:
  pqxx::connection conn_;
  pqxx::quiet_errorhandler quiet_{conn_};
  pqxx::nontransaction tx_{conn_};
};

// A libpq connection-string value, quoted.
std::string conninfo_quote(const std::string& value);

}  // namespace migc
