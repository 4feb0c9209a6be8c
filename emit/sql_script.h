// Writing migration parts into a psql script: the author's statements verbatim, grouped into
// transactions exactly as the source runner groups them (compiler/tx_layout.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/compile.h"
#include "analyzer/replay.h"

namespace migc {

class ScriptWriter {
 public:
  explicit ScriptWriter(std::string& out) : out_(out) {}
  void begin();                      // opens a transaction unless one is open
  void commit();                     // closes the open transaction, if any
  void line(std::string_view text);  // text plus a newline
  // A statement range verbatim, ending in a newline. When the author's last statement has no
  // `;` (psql would glue it to what follows), one goes at `semicolon_at`, right after its code.
  void statement(std::string_view text, size_t semicolon_at = std::string_view::npos);

 private:
  std::string& out_;
  bool open_ = false;
};

// Writes one migration part (its up or its down blocks). `tail` is SQL that must run with the
// last block (the --track bookkeeping): inside its transaction when it has one, else after it.
// `analyses` (parallel to `parsed`, may be null) puts each statement's hazards above it.
void write_part(ScriptWriter& w, const MigrationSet& set, const std::vector<Block>& blocks,
                const std::vector<ParsedStatement>& parsed, std::string_view tail,
                const std::vector<StatementAnalysis>* analyses = nullptr);

// A SQL string literal.
std::string sql_literal(std::string_view s);

// The header lines every script starts with.
std::string script_header(const Compilation& c, std::string_view title);

}  // namespace migc
