// Statements about things the model does not store — privileges, owners, roles, security
// labels, extension membership, event triggers, publications, rules, statistics, casts,
// operator classes, languages, foreign-data wrappers, … — replayed as references only: an Alter
// of each schema object they name (a Read of what they merely use).
#include "analyzer/references.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

void alter_object(PgQuery__ObjectType type, const PgQuery__Node* object, ReplayContext& ctx) {
  if (auto address = object_address(type, object, ctx)) ctx.reference(address->ref, Access::Alter);
}

void replay_grant(const PgQuery__GrantStmt* stmt, ReplayContext& ctx) {
  for (size_t i = 0; i < stmt->n_objects; ++i) {
    if (stmt->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
      alter_object(PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA, stmt->objects[i], ctx);
      continue;
    }
    alter_object(stmt->objtype, stmt->objects[i], ctx);
    // Column privileges: GRANT SELECT (a, b) ON t.
    if (stmt->objects[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    QualifiedName table = ctx.resolve_relation(stmt->objects[i]->range_var);
    for (size_t p = 0; p < stmt->n_privileges; ++p)
      if (stmt->privileges[p]->node_case == PG_QUERY__NODE__NODE_ACCESS_PRIV)
        for (const auto& column :
             string_list(stmt->privileges[p]->access_priv->cols, stmt->privileges[p]->access_priv->n_cols))
          ctx.reference(column_ref(table, column), Access::Alter);
  }
}

void replay_publication(PgQuery__Node* const* objects, size_t n, ReplayContext& ctx) {
  for (size_t i = 0; i < n; ++i) {
    if (objects[i]->node_case != PG_QUERY__NODE__NODE_PUBLICATION_OBJ_SPEC) continue;
    const PgQuery__PublicationObjSpec* spec = objects[i]->publication_obj_spec;
    if (spec->pubtable && spec->pubtable->relation) {
      QualifiedName table = ctx.resolve_relation(spec->pubtable->relation);
      ctx.reference(relation_ref(table), Access::Alter);
      collect_reads_on(spec->pubtable->where_clause, table, ctx);  // the row filter reads the table's rows
    } else if (spec->pubobjtype == PG_QUERY__PUBLICATION_OBJ_SPEC_TYPE__PUBLICATIONOBJ_TABLES_IN_SCHEMA && spec->name) {
      ctx.reference(schema_ref(spec->name), Access::Alter);
    }
  }
}

}  // namespace

bool replay_unstored_statement(const PgQuery__Node* stmt, ReplayContext& ctx) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_GRANT_STMT: replay_grant(stmt->grant_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
      for (size_t i = 0; i < stmt->alter_default_privileges_stmt->n_options; ++i) {
        const PgQuery__Node* option = stmt->alter_default_privileges_stmt->options[i];
        if (option->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
            std::string_view(option->def_elem->defname) == "schemas")
          for (const auto& schema : object_names(option->def_elem->arg))
            ctx.reference(schema_ref(schema), Access::Alter);
      }
      return true;
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: {
      const PgQuery__AlterOwnerStmt* s = stmt->alter_owner_stmt;
      if (s->relation)
        ctx.reference(relation_ref(ctx.resolve_relation(s->relation)), Access::Alter);
      else
        alter_object(s->object_type, s->object, ctx);
      return true;
    }
    case PG_QUERY__NODE__NODE_SEC_LABEL_STMT:
      alter_object(stmt->sec_label_stmt->objtype, stmt->sec_label_stmt->object, ctx);
      return true;
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_CONTENTS_STMT: {
      const PgQuery__AlterExtensionContentsStmt* s = stmt->alter_extension_contents_stmt;
      ctx.reference(extension_ref(s->extname), Access::Alter);
      alter_object(s->objtype, s->object, ctx);
      return true;
    }
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_DEPENDS_STMT: {
      const PgQuery__AlterObjectDependsStmt* s = stmt->alter_object_depends_stmt;
      if (s->extname) ctx.reference(extension_ref(s->extname->sval), Access::Read);
      if (s->relation)
        ctx.reference(relation_ref(ctx.resolve_relation(s->relation)), Access::Alter);
      else
        alter_object(s->object_type, s->object, ctx);
      return true;
    }
    case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT: {
      const PgQuery__CreateEventTrigStmt* s = stmt->create_event_trig_stmt;
      ctx.reference(function_ref(ctx.resolve_function(string_list(s->funcname, s->n_funcname))), Access::Read);
      return true;
    }
    case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
      replay_publication(stmt->create_publication_stmt->pubobjects, stmt->create_publication_stmt->n_pubobjects, ctx);
      return true;
    case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
      replay_publication(stmt->alter_publication_stmt->pubobjects, stmt->alter_publication_stmt->n_pubobjects, ctx);
      return true;
    case PG_QUERY__NODE__NODE_RULE_STMT: {
      QualifiedName table = ctx.resolve_relation(stmt->rule_stmt->relation);
      ctx.reference(relation_ref(table), Access::Alter);
      collect_reads_on(stmt->rule_stmt->where_clause, table, ctx);
      return true;
    }
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
      for (size_t i = 0; i < stmt->create_stats_stmt->n_relations; ++i)
        if (stmt->create_stats_stmt->relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
          ctx.reference(relation_ref(ctx.resolve_relation(stmt->create_stats_stmt->relations[i]->range_var)),
                        Access::Read);
      return true;
    case PG_QUERY__NODE__NODE_CREATE_CAST_STMT: {
      const PgQuery__CreateCastStmt* s = stmt->create_cast_stmt;
      ctx.type_text(s->sourcetype);
      ctx.type_text(s->targettype);
      if (s->func)
        ctx.reference(function_ref(find_functions(s->func, PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION, ctx).name),
                      Access::Read);
      return true;
    }
    case PG_QUERY__NODE__NODE_ALTER_TYPE_STMT:  // ALTER TYPE … SET (storage options)
      ctx.reference(
          type_ref(ctx.resolve_type(string_list(stmt->alter_type_stmt->type_name, stmt->alter_type_stmt->n_type_name))),
          Access::Alter);
      return true;
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT:
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:
    case PG_QUERY__NODE__NODE_DROP_OWNED_STMT:
    case PG_QUERY__NODE__NODE_REASSIGN_OWNED_STMT:
    case PG_QUERY__NODE__NODE_ALTER_EVENT_TRIG_STMT:
    case PG_QUERY__NODE__NODE_ALTER_STATS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_OP_CLASS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_OP_FAMILY_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OP_FAMILY_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OPERATOR_STMT:
    case PG_QUERY__NODE__NODE_CREATE_CONVERSION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_PLANG_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRANSFORM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_AM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FDW_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FDW_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_SERVER_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FOREIGN_SERVER_STMT:
    case PG_QUERY__NODE__NODE_CREATE_USER_MAPPING_STMT:
    case PG_QUERY__NODE__NODE_ALTER_USER_MAPPING_STMT:
    case PG_QUERY__NODE__NODE_DROP_USER_MAPPING_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_TSDICTIONARY_STMT:
    case PG_QUERY__NODE__NODE_ALTER_TSCONFIGURATION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_COLLATION_STMT: return true;
    default: return false;
  }
}

}  // namespace migc
