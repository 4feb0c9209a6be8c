// Front end: parses every statement of a MigrationSet with libpg_query (PostgreSQL 15 grammar)
// into typed protobuf-c trees, keeping each statement's place in its file. Syntax errors are
// collected across all files and thrown together.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "compiler/ir.h"

namespace migc {

enum class TxControl { None, Begin, Commit, Rollback, Other };  // top-level transaction statements

struct ParsedStatement {
  uint32_t block = 0;      // index into the migration's up (or down) blocks
  uint32_t statement = 0;  // index of the Statement range in that block
  uint32_t file = 0;
  uint32_t begin = 0, end = 0;  // this SQL statement's code in the file's expanded text
  const PgQuery__Node* node = nullptr;
  std::string_view kind;   // libpg_query's node name, e.g. "create_stmt"
  bool non_transactional = false;  // cannot run inside a transaction block
  TxControl tx_control = TxControl::None;
};

struct ParsedMigration {
  std::vector<ParsedStatement> up;
  std::vector<ParsedStatement> down;
};

// Owns the libpg_query trees that ParsedStatement::node points into.
struct ParseTrees;

struct ParsedSet {
  std::vector<ParsedMigration> migrations;  // parallel to MigrationSet::migrations
  std::shared_ptr<ParseTrees> trees;
};

class ParseCache;

struct ParseOptions {
  int pg_version_num = 150000;  // target server; rules that depend on it use it
  unsigned threads = 0;         // 0: one per core
  size_t max_errors = 50;
  bool down = true;  // parse the down parts too (false: a deploy-only build never reads them)
  ParseCache* cache = nullptr;  // parse trees kept between runs (compiler/parse_cache.h), or none
};

ParsedSet parse_set(const MigrationSet& set, const ParseOptions& options);

// Facts about one parsed statement.
bool is_non_transactional(const PgQuery__Node* node, int pg_version_num);
TxControl tx_control_of(const PgQuery__Node* node);
std::string_view node_kind(const PgQuery__Node* node);

}  // namespace migc
