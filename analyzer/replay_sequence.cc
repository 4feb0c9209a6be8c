// CREATE SEQUENCE and ALTER SEQUENCE.
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"

namespace migc {

void replay_create_sequence(const PgQuery__CreateSeqStmt* stmt, ReplayContext& ctx) {
  QualifiedName name = created_relation_name(ctx, stmt->sequence);
  if (already_exists(ctx, name, stmt->if_not_exists)) return;
  Relation& seq = create_relation(ctx, name, RelKind::Sequence);
  seq.unlogged = std::string_view(stmt->sequence->relpersistence) == "u";
  apply_sequence_options(ctx, seq, stmt->options, stmt->n_options);
}

void replay_alter_sequence(const PgQuery__AlterSeqStmt* stmt, ReplayContext& ctx) {
  QualifiedName name = ctx.resolve_relation(stmt->sequence);
  Relation* seq = ctx.catalog.relation(name);
  if (!seq && stmt->missing_ok) {
    ctx.note(display_name(name) + " does not exist: ALTER SEQUENCE IF EXISTS does nothing");
    return;
  }
  ctx.reference(relation_ref(name), Access::Alter);
  if (!seq) {
    ctx.note("sequence " + display_name(name) + " is not in the model");
    return;
  }
  apply_sequence_options(ctx, *seq, stmt->options, stmt->n_options);
  touch(ctx, *seq);
}

}  // namespace migc
