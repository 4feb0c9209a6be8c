// primary-key-on-nullable-columns: a primary key makes its columns NOT NULL; on a table that is
// not new, any column the model does not know to be NOT NULL is checked by a full scan under
// ACCESS EXCLUSIVE, even when the key uses an existing index. From PostgreSQL 12 a validated
// CHECK (column IS NOT NULL) proves it without the scan.
#include "analyzer/check_proof.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

// The key's columns: those it names, or those of the index it uses.
std::vector<std::string> key_columns(const AlteredTable& t, const PgQuery__Constraint& c, const Catalog& catalog) {
  if (c.indexname && *c.indexname) {
    const Relation* index = catalog.relation({t.name.schema, c.indexname});
    return index ? index->index.keys : std::vector<std::string>{};
  }
  return string_list(c.keys, c.n_keys);
}

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)) {
    std::string nullable;
    for (const std::string& column : key_columns(*t, *c, ctx.model->catalog)) {
      const Column* col = t->rel ? t->rel->column(column) : nullptr;
      if (col && col->not_null) continue;
      if (t->rel && ctx.pg_version_num >= 120000 && CheckFacts(*t->rel).proves_not_null(column)) continue;
      nullable += (nullable.empty() ? "" : ", ") + quote_ident(column);
    }
    if (nullable.empty()) continue;
    std::string help = ctx.pg_version_num >= 120000
                           ? "make the columns NOT NULL first: ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID, "
                             "VALIDATE CONSTRAINT in a later transaction, then SET NOT NULL (no scan)"
                           : "before PostgreSQL 12 nothing spares the scan: add the key while the table is small, or "
                             "in a maintenance window";
    ctx.report("PRIMARY KEY makes (" + nullable + ") NOT NULL: " + takes_lock(ctx, t->name) +
                   " while it scans the table for NULLs",
               std::move(help), c->location);
  }
}

}  // namespace

Rule primary_key_on_nullable_columns() {
  return {.id = "primary-key-on-nullable-columns",
          .severity = LintSeverity::Warning,
          .summary = "a primary key on columns not known to be NOT NULL scans the table under ACCESS EXCLUSIVE",
          .check = check};
}

}  // namespace migc::rules
