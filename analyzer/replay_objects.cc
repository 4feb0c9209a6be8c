// replay_object_statement(): which statements are this module's, DROP / RENAME / SET SCHEMA
// split by object type, and the small functions the object handlers share.
#include "analyzer/replay_objects.h"

#include "analyzer/table_members.h"

namespace migc {

namespace {

bool is_relation_type(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: return true;
    default: return false;
  }
}

bool is_routine_type(PgQuery__ObjectType type) {
  return type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
         type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE || type == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE;
}

bool replay_drop(const PgQuery__DropStmt* stmt, ReplayContext& ctx) {
  if (is_relation_type(stmt->remove_type)) return false;
  for (size_t i = 0; i < stmt->n_objects; ++i) {
    DropTarget target{stmt->objects[i], stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE};
    switch (stmt->remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: drop_schema(target, ctx); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: drop_trigger(target, ctx); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: drop_type(target, ctx); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: drop_extension(target, ctx); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: drop_policy(target, ctx); break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:  // rules are not modelled; the table changes
        ctx.reference(relation_ref(member_target(target.object, ctx).first), Access::Alter);
        break;
      default:
        if (is_routine_type(stmt->remove_type)) drop_function(target, stmt->remove_type, ctx);
        break;  // operators, casts, languages, …: not in the model
    }
  }
  return true;
}

bool replay_rename(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  if (is_relation_type(stmt->rename_type)) return false;
  switch (stmt->rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: rename_schema(stmt, ctx); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: rename_trigger(stmt, ctx); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: rename_policy(stmt, ctx); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: rename_type(stmt, ctx); break;
    default:
      if (is_routine_type(stmt->rename_type) && stmt->object &&
          stmt->object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
        move_function(stmt->object->object_with_args, stmt->rename_type, stmt->newname, "", ctx);
      break;
  }
  return true;
}

bool replay_set_schema(const PgQuery__AlterObjectSchemaStmt* stmt, ReplayContext& ctx) {
  if (is_relation_type(stmt->object_type)) return false;
  switch (stmt->object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: move_type(stmt->object, stmt->newschema, ctx); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: move_extension(stmt->object, stmt->newschema, ctx); break;
    default:
      if (is_routine_type(stmt->object_type) && stmt->object &&
          stmt->object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
        move_function(stmt->object->object_with_args, stmt->object_type, "", stmt->newschema, ctx);
      break;
  }
  return true;
}

}  // namespace

std::vector<std::string> object_names(const PgQuery__Node* node) {
  if (!node) return {};
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_STRING: return {node->string->sval};
    case PG_QUERY__NODE__NODE_LIST: return string_list(node->list->items, node->list->n_items);
    case PG_QUERY__NODE__NODE_TYPE_NAME: return string_list(node->type_name->names, node->type_name->n_names);
    case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS:
      return string_list(node->object_with_args->objname, node->object_with_args->n_objname);
    case PG_QUERY__NODE__NODE_RANGE_VAR: {
      const PgQuery__RangeVar* rv = node->range_var;
      if (rv->schemaname && *rv->schemaname) return {rv->schemaname, rv->relname};
      return {rv->relname};
    }
    default: return {};
  }
}

std::string def_text(const PgQuery__DefElem* def) {
  const PgQuery__Node* arg = def->arg;
  if (!arg) return "";
  switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_STRING: return arg->string->sval;
    case PG_QUERY__NODE__NODE_INTEGER: return std::to_string(arg->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT: return arg->float_->fval;
    case PG_QUERY__NODE__NODE_BOOLEAN: return arg->boolean->boolval ? "true" : "false";
    default: {
      std::string text;
      for (const auto& part : object_names(arg)) text += (text.empty() ? "" : ".") + part;
      return text;
    }
  }
}

bool replay_object_statement(const PgQuery__Node* stmt, ReplayContext& ctx) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: replay_create_schema(stmt->create_schema_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_VIEW_STMT: replay_view(stmt->view_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      if (stmt->create_table_as_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) return false;
      replay_materialized_view(stmt->create_table_as_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: replay_refresh(stmt->refresh_mat_view_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      replay_create_function(stmt->create_function_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: replay_alter_function(stmt->alter_function_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_DO_STMT: replay_do(stmt->do_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: replay_create_trigger(stmt->create_trig_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: replay_create_enum(stmt->create_enum_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: replay_alter_enum(stmt->alter_enum_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: replay_create_domain(stmt->create_domain_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: replay_alter_domain(stmt->alter_domain_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: replay_composite_type(stmt->composite_type_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: replay_create_range(stmt->create_range_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_DEFINE_STMT: replay_define(stmt->define_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:  // ALTER TYPE … ADD/DROP/ALTER ATTRIBUTE
      if (stmt->alter_table_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) return false;
      replay_alter_composite_type(stmt->alter_table_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      replay_create_extension(stmt->create_extension_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
      replay_alter_extension(stmt->alter_extension_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: replay_create_policy(stmt->create_policy_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: replay_alter_policy(stmt->alter_policy_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_COMMENT_STMT: replay_comment(stmt->comment_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_DROP_STMT: return replay_drop(stmt->drop_stmt, ctx);
    case PG_QUERY__NODE__NODE_RENAME_STMT: return replay_rename(stmt->rename_stmt, ctx);
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: return replay_set_schema(stmt->alter_object_schema_stmt, ctx);
    default: return replay_unstored_statement(stmt, ctx);
  }
}

}  // namespace migc
