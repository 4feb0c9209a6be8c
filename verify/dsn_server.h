// --dsn URL: a server the user already runs. verify only creates and drops its own uniquely
// named databases there (verify/databases.h) and never prints the password.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "verify/server.h"

namespace migc {

class DsnServer : public Server {
 public:
  // Accepts a postgresql:// URL or a key=value string; throws std::runtime_error (without the
  // password) when libpq cannot parse it.
  explicit DsnServer(const std::string& dsn);

  void wait_ready() override;
  std::string conninfo(const std::string& database) const override;
  std::string admin_database() const override { return admin_; }
  bool throwaway() const override { return false; }
  std::string describe() const override;
  std::string keep() override;
  void stop() override {}

 private:
  std::vector<std::pair<std::string, std::string>> params_;  // everything but dbname
  std::string admin_;
};

}  // namespace migc
