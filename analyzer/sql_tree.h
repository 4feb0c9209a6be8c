// SQL text parsed into an owned libpg_query tree: for text the catalog stores (CHECK
// expressions, view queries) that the analyzer has to look into again.
#pragma once
#include <memory>
#include <string>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

class SqlTree {
 public:
  // Parses `sql`; a syntax error leaves the tree empty (ok() false, no statements).
  explicit SqlTree(const std::string& sql);
  bool ok() const { return result_ != nullptr; }
  size_t size() const { return result_ ? result_->n_stmts : 0; }
  const PgQuery__Node* statement(size_t i) const { return result_->stmts[i]->stmt; }

 private:
  struct Free {
    void operator()(PgQuery__ParseResult* r) const;
  };
  std::unique_ptr<PgQuery__ParseResult, Free> result_;
};

// One expression parsed as `SELECT <expression>`; expr() is nullptr when the text is not one.
class SqlExpression {
 public:
  explicit SqlExpression(const std::string& expression);
  const PgQuery__Node* expr() const { return expr_; }

 private:
  SqlTree tree_;
  const PgQuery__Node* expr_ = nullptr;
};

}  // namespace migc
