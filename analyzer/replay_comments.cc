// COMMENT ON …: Catalog::comments, keyed as pg_identify_object() names the object.
#include "analyzer/replay_objects.h"

namespace migc {

void replay_comment(const PgQuery__CommentStmt* stmt, ReplayContext& ctx) {
  std::optional<ObjectAddress> address = object_address(stmt->objtype, stmt->object, ctx);
  if (!address) return;  // roles, databases, operators, …: not schema objects the model keeps
  ctx.reference(address->ref, Access::Alter);
  if (!ctx.execute || address->key.empty()) return;
  std::string text = stmt->comment ? stmt->comment : "";
  if (text.empty()) ctx.catalog.comments.erase(address->key);  // IS NULL, or IS '' which PostgreSQL treats alike
  else ctx.catalog.comments[address->key] = text;
}

}  // namespace migc
