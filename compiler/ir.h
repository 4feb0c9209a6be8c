// The one intermediate representation every loader produces (formats.md §14): a set of
// migrations, each a list of blocks the source runner sends with one transaction policy,
// each block a list of statements that point into the source files.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostic.h"
#include "compiler/source_file.h"

namespace migc {

enum class Format {
  Plain, Yoyo, MigChain, Migretti, Dbmate, GolangMigrate, Goose, Flyway, Diesel, Pop, Prisma, HyperDjango,
};
std::string_view format_name(Format f);
std::optional<Format> format_from_name(std::string_view name);
const std::vector<Format>& all_formats();

enum class Kind { Schema, Seed, Repeatable, Baseline, Callback, PostApply };
std::string_view kind_name(Kind k);

// Whether the format's runner orders migrations by their dependency graph (yoyo, MigChain), so
// inferred dependencies may reorder them; linear formats apply in their own fixed order.
bool order_from_graph(Format f);

// How the source runner sends a block.
enum class TxMode {
  Transaction,  // one transaction around the block (yoyo, goose, Flyway, dbmate by default, …)
  None,         // autocommit, one statement at a time (goose NO TRANSACTION, transaction:false, …)
  Implicit,     // the whole block as one multi-statement query: PostgreSQL's implicit transaction
                // unless the body has its own BEGIN/COMMIT (golang-migrate, Prisma, pop)
};
std::string_view tx_mode_name(TxMode t);

// A statement as the source runner splits it. [begin, end) are byte offsets into the
// expanded text of `file`. The range includes the comments and blank lines that lead up to
// the statement, so concatenating a block's statements gives back the author's text.
struct Statement {
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Block {
  TxMode tx = TxMode::Transaction;
  std::vector<Statement> statements;
};

struct Place {  // where something was written: a file of the set and an expanded byte offset
  uint32_t file = 0;
  uint32_t offset = 0;
};

struct DependencyRef {
  enum class Type { Requires, Conflicts, Parent };
  std::string target;        // a migration id
  Type type = Type::Requires;
  bool implicit = false;     // chain edge of a linear format, never shown as declared
  bool inferred = false;     // found by the analyzer from the SQL: never written by the author
  std::string reason;        // inferred: the object used, e.g. "table billing.invoices"
  std::optional<Place> declared_at;  // inferred: the statement that uses the object
};

struct Migration {
  std::string id;               // unique within the set
  std::string name;             // description / title
  Format format = Format::Plain;
  Kind kind = Kind::Schema;
  std::string domain;           // MigChain domain; "" elsewhere
  std::vector<Block> up;
  std::optional<std::vector<Block>> down;  // nullopt: no down part
  std::vector<DependencyRef> deps;
  std::vector<uint32_t> files;  // every file that contributes (up, down, metadata)
  std::map<std::string, std::string> attrs;  // raw tool attributes kept for reports
};

struct MigrationSet {
  Format format = Format::Plain;
  std::string root;  // as the user named it, for messages
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<Migration> migrations;  // in the source tool's own order (ties in the graph break by it)
  std::vector<Diagnostic> warnings;

  const SourceFile& file(uint32_t i) const { return *files[i]; }
  std::string_view text(const Statement& s) const {
    return std::string_view(files[s.file]->text()).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace migc
