// Test helper: replays SQL texts (one per migration) through the real dispatcher.
#pragma once
#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <pg_query.h>

#include "analyzer/replay.h"

namespace migc::test {

struct Replayed {
  Catalog catalog;
  Session session;
  std::vector<std::vector<StatementAnalysis>> migrations;  // per migration, per statement
  std::vector<std::shared_ptr<PgQuery__ParseResult>> trees;

  const StatementAnalysis& statement(size_t migration, size_t index) const { return migrations.at(migration).at(index); }
  // `deferred`: the reference is from a function body, needed only when the function runs.
  bool has_reference(size_t migration, size_t index, const ObjectRef& object, Access access,
                     bool deferred = false) const {
    const auto& refs = statement(migration, index).references;
    return std::find(refs.begin(), refs.end(), Reference{object, access, deferred}) != refs.end();
  }
};

// Each string is one migration; statements are replayed in order, starting from `start` (a
// catalog built by hand). `applied[i]` marks migration i as history. Throws std::runtime_error
// on a syntax error.
inline Replayed replay_sql(Catalog start, const std::vector<std::string>& migrations, std::vector<bool> applied = {},
                           int pg_version_num = 150000) {
  Replayed r;
  r.catalog = std::move(start);
  applied.resize(migrations.size(), false);
  for (size_t m = 0; m < migrations.size(); ++m) {
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(migrations[m].c_str());
    if (parsed.error) {
      std::string message = parsed.error->message;
      pg_query_free_protobuf_parse_result(parsed);
      throw std::runtime_error("syntax error in test SQL: " + message);
    }
    std::shared_ptr<PgQuery__ParseResult> tree(
        pg_query__parse_result__unpack(nullptr, parsed.parse_tree.len,
                                       reinterpret_cast<const uint8_t*>(parsed.parse_tree.data)),
        [](PgQuery__ParseResult* p) { pg_query__parse_result__free_unpacked(p, nullptr); });
    pg_query_free_protobuf_parse_result(parsed);
    r.trees.push_back(tree);
    auto& out = r.migrations.emplace_back();
    for (size_t s = 0; s < tree->n_stmts; ++s) {
      StatementAnalysis& analysis = out.emplace_back();
      ReplayContext ctx{r.catalog, r.session, analysis, static_cast<uint32_t>(m), pg_version_num, true, &applied};
      replay_statement(tree->stmts[s]->stmt, ctx);
    }
  }
  return r;
}

// The same, starting from a new database's catalog.
inline Replayed replay_sql(const std::vector<std::string>& migrations, std::vector<bool> applied = {},
                           int pg_version_num = 150000) {
  return replay_sql(Catalog(), migrations, std::move(applied), pg_version_num);
}

}  // namespace migc::test

// Failed checks print a reference as its access and object, e.g. "read relation public.users".
namespace Catch {
template <>
struct StringMaker<migc::Reference> {
  static std::string convert(const migc::Reference& r) {
    return std::string(migc::access_name(r.access)) + " " + r.object.display();
  }
};
}  // namespace Catch
