// The walk behind collect_reads(): one generic pass over any parse subtree through protobuf-c's
// message descriptors, so every node kind is visited, plus the few kinds that need the query's
// scope (FROM items, CTEs, column references) or name something in a string ('t'::regclass,
// nextval('seq')). Data-modifying statements met on the way (DML, data-modifying CTEs) record
// their writes too.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/query_scope.h"
#include "analyzer/replay.h"

namespace migc {

class ReadWalker {
 public:
  // `target_access`: how INSERT/UPDATE/DELETE/MERGE targets are recorded — Write, or Read where
  // the statement is only planned (EXPLAIN without ANALYZE).
  explicit ReadWalker(ReplayContext& ctx, Access target_access = Access::Write)
      : ctx_(ctx), target_access_(target_access) {}

  void walk(const PgQuery__Node* node);
  void walk_all(PgQuery__Node* const* nodes, size_t n);
  // An expression evaluated against the rows of `relation` (CHECK, index expression, COPY … WHERE).
  void walk_on_relation(const PgQuery__Node* expr, const QualifiedName& relation);

 private:
  // A relation named in a string, as regclass input reads it ('app."Users"'); records a Read and
  // returns the name, or nullopt when the text is not a name.
  std::optional<QualifiedName> relation_in_text(std::string_view text);
  void visit(const ProtobufCMessage* message);
  // Every message-typed field of `message`, except those at the `skip` offsets.
  void children(const ProtobufCMessage* message, std::initializer_list<size_t> skip = {});

  void column(const PgQuery__ColumnRef* ref);
  void function_call(const PgQuery__FuncCall* call);
  void type_cast(const PgQuery__TypeCast* cast);
  void type_name(const PgQuery__TypeName* type);
  void range_var(const PgQuery__RangeVar* rv);

  void select(const PgQuery__SelectStmt* select, bool sees_enclosing_items = true);
  void with(const PgQuery__WithClause* with);
  void sort_clause(const PgQuery__SelectStmt* select);
  void from_item(const PgQuery__Node* item);
  void from_relation(const PgQuery__RangeVar* rv);
  // A relation by name (a FROM relation, a DML target): recorded with `access` and added to the
  // current level as an item.
  QualifiedName add_relation(const PgQuery__RangeVar* rv, Access access);
  void join(const PgQuery__JoinExpr* join);
  // The result columns of a sub-select or CTE as a FROM item: renamed by the CTE's column list,
  // then by the FROM alias's; nullopt when unknown.
  std::optional<std::vector<std::string>> query_columns(const PgQuery__Node* query, const PgQuery__CommonTableExpr* cte,
                                                        const PgQuery__Alias* alias) const;

  void insert(const PgQuery__InsertStmt* insert);
  void update(const PgQuery__UpdateStmt* update);
  void remove(const PgQuery__DeleteStmt* remove);
  void merge(const PgQuery__MergeStmt* merge);
  void on_conflict(const PgQuery__OnConflictClause* clause, const QualifiedName& target);
  // SET/INSERT column lists: a Read of each named column of `table`, then the values.
  void assignments(PgQuery__Node* const* targets, size_t n, const QualifiedName& table);
  void read_column(const QualifiedName& table, std::string_view column);

  ReplayContext& ctx_;
  Access target_access_;
  QueryScopes scopes_;
};

}  // namespace migc
