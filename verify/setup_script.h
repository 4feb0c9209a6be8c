// --setup: SQL run in every database before the migrations, for what the project's runner or
// platform provides first (roles, schemas, a bookkeeping table, SET search_path). It runs in
// the same session as the migrations, statement by statement and, as psql does by default,
// past errors: the roles an earlier database's setup created already exist in the next one.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "compiler/source_file.h"
#include "verify/connection.h"

namespace migc {

// What running the setup did in one database.
struct SetupResult {
  std::vector<std::string> applied;  // the statements that ran without error, in order
  std::vector<std::string> errors;   // "file:line: message" for each of the others
};

class SetupScript {
 public:
  // Throws std::runtime_error when the file cannot be read.
  explicit SetupScript(const std::filesystem::path& file);

  // Runs every statement, adding to `result`.
  void run(Connection& db, SetupResult& result) const;

 private:
  std::shared_ptr<SourceFile> file_;
  std::vector<std::pair<uint32_t, uint32_t>> statements_;  // code ranges in the text
};

}  // namespace migc
