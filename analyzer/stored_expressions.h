// How the model keeps expressions and index keys as text, and how it reads that text back.
// Expressions are libpg_query's deparse, parenthesised where pg_get_expr() parenthesises them;
// index keys (and partition keys) are written as pg_get_indexdef() writes each column. Reading
// back re-parses the text, so a stored expression can say which columns it uses and follow a
// column rename the way PostgreSQL's stored trees do.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/names.h"
#include "analyzer/sql_tree.h"

namespace migc {

// The columns an expression refers to (the last name of each column reference), each once, in
// order of first appearance.
std::vector<std::string> referenced_columns(const PgQuery__Node* expr);

// An expression as the model stores it: "now()", "(price > 0)", "lower(email)".
std::string expression_text(const PgQuery__Node* expr);

// One index or partition key as pg_get_indexdef() prints it: a column or a function call as
// is, any other expression in parentheses, then COLLATE, the operator class, DESC, NULLS.
std::string index_key_text(const PgQuery__IndexElem* elem);

// Stored text read back. Text that does not parse gives no columns and is left unchanged.
std::vector<std::string> expression_columns(std::string_view text);
std::vector<std::string> index_key_columns(const std::vector<std::string>& keys);
// The relations a stored query (a view's SELECT) names, as written: schema "" when unqualified.
std::vector<QualifiedName> query_relations(std::string_view sql);
// The relation a regclass literal names ('t_id_seq', 'public."T"'): schema "" when unqualified.
std::optional<QualifiedName> regclass_name(std::string_view literal);
// The sequence names a stored expression passes to nextval(), as written.
std::vector<std::string> nextval_arguments(std::string_view text);
// The expression with each nextval() argument replaced by rename(argument).
std::string rewrite_nextval_arguments(std::string_view text, const std::function<std::string(const std::string&)>& rename);
std::string rename_expression_column(std::string_view text, std::string_view from, std::string_view to);
// `keys` may also be a single comma-separated list (a partition key), which comes back split.
std::vector<std::string> rename_index_key_column(const std::vector<std::string>& keys, std::string_view from,
                                                 std::string_view to);

// Index keys parsed back into IndexElems, which live as long as this object.
class ParsedIndexKeys {
 public:
  explicit ParsedIndexKeys(const std::vector<std::string>& keys);
  // Empty when the keys did not parse.
  const std::vector<PgQuery__IndexElem*>& elems() const { return elems_; }

 private:
  SqlTree tree_;
  std::vector<PgQuery__IndexElem*> elems_;  // into tree_, which is ours to edit
};

}  // namespace migc
