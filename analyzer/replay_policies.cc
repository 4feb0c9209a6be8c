// CREATE POLICY, ALTER POLICY, DROP POLICY, ALTER POLICY … RENAME.
#include <algorithm>
#include <cctype>

#include "analyzer/deparse.h"
#include "analyzer/references.h"
#include "analyzer/replay_objects.h"
#include "analyzer/table_members.h"

namespace migc {

namespace {

// TO role, …: [] for PUBLIC, which wins over any other role listed (PostgreSQL ignores the rest).
std::vector<std::string> policy_roles(PgQuery__Node* const* roles, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    if (roles[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) continue;
    const PgQuery__RoleSpec* role = roles[i]->role_spec;
    switch (role->roletype) {
      case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC: return {};
      case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE: out.emplace_back("current_role"); break;
      case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER: out.emplace_back("current_user"); break;
      case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER: out.emplace_back("session_user"); break;
      default: out.emplace_back(role->rolename); break;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// USING / WITH CHECK are evaluated against the table's rows.
std::optional<std::string> policy_expression(const PgQuery__Node* expr, const QualifiedName& table,
                                             ReplayContext& ctx) {
  if (!expr) return std::nullopt;
  collect_reads_on(expr, table, ctx);
  return deparse_expression(expr);
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

void replay_create_policy(const PgQuery__CreatePolicyStmt* stmt, ReplayContext& ctx) {
  QualifiedName table = ctx.resolve_relation(stmt->table);
  Policy p;
  p.name = stmt->policy_name;
  p.command = stmt->cmd_name && *stmt->cmd_name ? upper(stmt->cmd_name) : "ALL";
  p.permissive = stmt->permissive;
  p.roles = policy_roles(stmt->roles, stmt->n_roles);
  p.using_expr = policy_expression(stmt->qual, table, ctx);
  p.check_expr = policy_expression(stmt->with_check, table, ctx);
  define_member(kPolicies, table, std::move(p), false, ctx);
}

void replay_alter_policy(const PgQuery__AlterPolicyStmt* stmt, ReplayContext& ctx) {
  QualifiedName table = ctx.resolve_relation(stmt->table);
  std::optional<std::string> using_expr = policy_expression(stmt->qual, table, ctx);
  std::optional<std::string> check_expr = policy_expression(stmt->with_check, table, ctx);
  ctx.reference(relation_ref(table), Access::Alter);
  ctx.reference(policy_ref(table, stmt->policy_name), Access::Alter);
  Policy* p = find_member(kPolicies, table, stmt->policy_name, ctx);
  if (!ctx.execute || !p) return;
  if (stmt->n_roles > 0) p->roles = policy_roles(stmt->roles, stmt->n_roles);
  if (using_expr) p->using_expr = using_expr;
  if (check_expr) p->check_expr = check_expr;
  p->provenance.touch(ctx.migration);
  ctx.catalog.relation(table)->provenance.touch(ctx.migration);
}

void drop_policy(const DropTarget& target, ReplayContext& ctx) {
  auto [table, name] = member_target(target.object, ctx);
  drop_member(kPolicies, table, name, ctx);
}

void rename_policy(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  rename_member(kPolicies, ctx.resolve_relation(stmt->relation), stmt->subname, stmt->newname, ctx);
}

}  // namespace migc
