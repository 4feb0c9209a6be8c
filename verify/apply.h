// Applying migrations to a database statement by statement, in deploy.sql's transaction
// structure (verify/apply_plan.h), so that a failure names the migration and the original
// file:line:col PostgreSQL points at.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/compile.h"
#include "verify/connection.h"

namespace migc {

// The session every apply runs in (docs/VERIFY.md): TimeZone and DateStyle pinned, because
// they change what timestamptz defaults and partition bounds store; search_path and
// check_function_bodies left at PostgreSQL's defaults. Appends them to a connection string.
std::string with_pinned_session(const std::string& conninfo);

struct ApplyFailure {
  uint32_t migration = 0;  // index into MigrationSet::migrations
  Diagnostic diagnostic;   // at the failing statement, or where in it PostgreSQL points
};

enum class Part { Up, Down };

// Applies the `part` of each migration of `order` in turn; `after_each(done, total)` runs after
// every migration. Returns the first failure.
std::optional<ApplyFailure> apply_migrations(Connection& db, const Compilation& c, const std::vector<uint32_t>& order,
                                             Part part,
                                             const std::function<void(size_t, size_t)>& after_each = {});

// PostgreSQL's error as libpq words it ("ERROR:  …", "LINE 2: …", a caret line, "DETAIL:  …"),
// split into its parts.
struct ServerError {
  std::string message;
  std::vector<std::string> details;  // "DETAIL: …", "HINT: …", "CONTEXT: …" lines
  int line = 0;                      // LINE n: 1-based line in the statement, 0 when absent
  std::string shown;                 // the text libpq shows for that line ("..." marks cuts)
  int caret = -1;                    // the caret's column in `shown`, 0-based
};
ServerError parse_server_error(std::string_view text);

// The byte offset in `statement` the error points at, or nullopt when it cannot be told.
std::optional<size_t> error_offset(std::string_view statement, const ServerError& error);

}  // namespace migc
