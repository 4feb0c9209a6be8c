#include "compiler/parser.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <pg_query.h>

#include "compiler/parse_cache.h"
#include "compiler/sql_split.h"
#include "compiler/syntax_hints.h"

namespace migc {

struct ParseTrees {
  std::mutex mutex;
  std::vector<PgQuery__ParseResult*> results;
  ~ParseTrees() {
    for (auto* r : results) pg_query__parse_result__free_unpacked(r, nullptr);
  }
};

std::string_view node_kind(const PgQuery__Node* node) {
  const ProtobufCFieldDescriptor* f =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, static_cast<unsigned>(node->node_case));
  return f ? std::string_view(f->name) : std::string_view("unknown");
}

TxControl tx_control_of(const PgQuery__Node* node) {
  if (node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) return TxControl::None;
  switch (node->transaction_stmt->kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: return TxControl::Begin;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: return TxControl::Commit;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: return TxControl::Rollback;
    default: return TxControl::Other;
  }
}

static bool has_option(PgQuery__Node** options, size_t n, std::string_view name) {
  for (size_t i = 0; i < n; ++i)
    if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && options[i]->def_elem->defname == name) return true;
  return false;
}

bool is_non_transactional(const PgQuery__Node* node, int pg_version_num) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT: return node->index_stmt->concurrent;
    case PG_QUERY__NODE__NODE_DROP_STMT: return node->drop_stmt->concurrent;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: {
      const auto* r = node->reindex_stmt;
      return has_option(r->params, r->n_params, "concurrently") ||
             r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA ||
             r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM ||
             r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE;
    }
    case PG_QUERY__NODE__NODE_VACUUM_STMT: return node->vacuum_stmt->is_vacuumcmd;
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT: return true;
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
      return node->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:  // ADD VALUE runs in a transaction only since 12
      return node->alter_enum_stmt->old_val[0] == '\0' && pg_version_num < 120000;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const auto* a = node->alter_table_stmt;
      for (size_t i = 0; i < a->n_cmds; ++i) {
        const PgQuery__Node* c = a->cmds[i];
        if (c->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
        const auto* cmd = c->alter_table_cmd;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition && cmd->def &&
            cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD && cmd->def->partition_cmd->concurrent)
          return true;
      }
      return false;
    }
    default: return false;
  }
}

namespace {

// libpg_query reports error positions in characters; the file needs bytes.
uint32_t byte_offset_of_char(std::string_view text, int chars) {
  uint32_t i = 0;
  for (int c = 0; c < chars && i < text.size(); ++c) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

struct Job {
  uint32_t migration;
  bool down;
  uint32_t block;
  uint32_t statement;
  const Statement* range;
};

struct JobResult {
  std::vector<ParsedStatement> statements;
  std::optional<Diagnostic> error;
};

JobResult parse_one(const MigrationSet& set, const Job& job, const ParseOptions& options, ParseTrees& trees) {
  JobResult out;
  const SourceFile& file = set.file(job.range->file);
  std::string sql(set.text(*job.range));
  PgQuery__ParseResult* tree = nullptr;
  if (auto cached = options.cache ? options.cache->find(sql) : std::nullopt)
    tree = pg_query__parse_result__unpack(nullptr, cached->size(), reinterpret_cast<const uint8_t*>(cached->data()));
  if (!tree) {
    PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
    if (r.error) {
      uint32_t at = job.range->begin + byte_offset_of_char(sql, std::max(0, r.error->cursorpos - 1));
      Diagnostic d = diagnostic_at(Severity::Error, file, at, fmt::format("syntax error: {}", r.error->message));
      d.hints = syntax_hints(sql, at - job.range->begin);
      out.error = std::move(d);
      pg_query_free_protobuf_parse_result(r);
      return out;
    }
    tree = pg_query__parse_result__unpack(nullptr, r.parse_tree.len, reinterpret_cast<const uint8_t*>(r.parse_tree.data));
    if (tree && options.cache) options.cache->add(sql, std::string(r.parse_tree.data, r.parse_tree.len));
    pg_query_free_protobuf_parse_result(r);
  }
  if (!tree) {
    out.error = diagnostic_at(Severity::Error, file, job.range->begin, "internal error: cannot read the parse tree");
    return out;
  }
  for (size_t i = 0; i < tree->n_stmts; ++i) {
    const PgQuery__RawStmt* raw = tree->stmts[i];
    ParsedStatement p;
    p.block = job.block;
    p.statement = job.statement;
    p.file = job.range->file;
    // stmt_location/len are byte offsets that include the blanks and comments before a
    // statement; skip them so positions name the SQL itself.
    uint32_t loc = static_cast<uint32_t>(raw->stmt_location);
    uint32_t len = raw->stmt_len ? static_cast<uint32_t>(raw->stmt_len) : static_cast<uint32_t>(sql.size()) - loc;
    p.begin = skip_blank_and_comments(file.text(), job.range->begin + loc, job.range->begin + loc + len);
    p.end = end_of_code(file.text(), p.begin, job.range->begin + loc + len);
    p.node = raw->stmt;
    p.kind = node_kind(raw->stmt);
    p.non_transactional = is_non_transactional(raw->stmt, options.pg_version_num);
    p.tx_control = tx_control_of(raw->stmt);
    out.statements.push_back(p);
  }
  std::lock_guard lock(trees.mutex);
  trees.results.push_back(tree);
  return out;
}

}  // namespace

ParsedSet parse_set(const MigrationSet& set, const ParseOptions& options) {
  std::vector<Job> jobs;
  for (uint32_t m = 0; m < set.migrations.size(); ++m) {
    const Migration& mig = set.migrations[m];
    auto add = [&](const std::vector<Block>& blocks, bool down) {
      for (uint32_t b = 0; b < blocks.size(); ++b)
        for (uint32_t s = 0; s < blocks[b].statements.size(); ++s)
          jobs.push_back({m, down, b, s, &blocks[b].statements[s]});
    };
    add(mig.up, false);
    if (mig.down && options.down) add(*mig.down, true);
  }

  ParsedSet parsed;
  parsed.trees = std::make_shared<ParseTrees>();
  std::vector<JobResult> results(jobs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    // libpg_query frees each thread's memory context when the thread exits.
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) results[i] = parse_one(set, jobs[i], options, *parsed.trees);
  };
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, jobs.size() / 64)));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  parsed.migrations.resize(set.migrations.size());
  std::vector<Diagnostic> errors;
  size_t unshown = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (results[i].error) {
      if (errors.size() < options.max_errors) errors.push_back(std::move(*results[i].error));
      else ++unshown;
      continue;
    }
    auto& dst = jobs[i].down ? parsed.migrations[jobs[i].migration].down : parsed.migrations[jobs[i].migration].up;
    for (auto& p : results[i].statements) dst.push_back(p);
  }
  if (unshown > 0)
    errors.push_back(diagnostic_in(Severity::Note, set.root, fmt::format("{} more syntax errors not shown", unshown)));
  if (!errors.empty()) throw CompileError(std::move(errors));
  return parsed;
}

}  // namespace migc
