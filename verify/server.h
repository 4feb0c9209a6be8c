// A PostgreSQL server verify creates its databases in: a private local cluster, a Docker
// container, or a server the user names with --dsn.
#pragma once
#include <string>

namespace migc {

class Server {
 public:
  virtual ~Server() = default;

  // Blocks until the server accepts connections; throws std::runtime_error when it cannot start.
  virtual void wait_ready() = 0;
  // A libpq key=value connection string for `database`.
  virtual std::string conninfo(const std::string& database) const = 0;
  // The database CREATE DATABASE and DROP DATABASE run from.
  virtual std::string admin_database() const = 0;
  // True when the whole server is thrown away afterwards, so databases need not be dropped
  // and CREATE DATABASE may use the fast FILE_COPY strategy.
  virtual bool throwaway() const = 0;
  // Where the server is, for messages (never a password).
  virtual std::string describe() const = 0;
  // --keep: leave the server running after migc exits; returns how to reach and stop it.
  virtual std::string keep() = 0;
  // Stops and removes what this object started (idempotent).
  virtual void stop() = 0;
  // The same, but may return before the teardown is done (it still completes if migc exits).
  virtual void stop_in_background() { stop(); }
};

}  // namespace migc
