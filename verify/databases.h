// The databases one verify run works in, one per check: created empty from template0 and,
// on a server migc does not throw away (--dsn), named uniquely and dropped at the end, on
// Ctrl-C and SIGTERM too. Nothing else on the server is touched.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "verify/interrupt.h"
#include "verify/server.h"

namespace migc {

class Databases {
 public:
  explicit Databases(Server& server);  // the server must be ready
  ~Databases();                        // drops them unless the server is thrown away or kept
  Databases(const Databases&) = delete;
  Databases& operator=(const Databases&) = delete;

  // Creates a database for `purpose` ("deploy", "order_3") and returns its name. Thread-safe.
  std::string create(const std::string& purpose);
  void keep();  // --keep: leave them
  const std::vector<std::string>& created() const { return created_; }

 private:
  void drop_all();

  Server& server_;
  int version_ = 0;  // server_version_num
  std::string prefix_;
  std::string create_options_;
  std::mutex mutex_;
  std::vector<std::string> created_;
  std::optional<Cleanup> cleanup_;
};

}  // namespace migc
