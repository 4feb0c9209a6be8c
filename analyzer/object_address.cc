// The object a COMMENT, SECURITY LABEL, ALTER … OWNER, GRANT or ALTER EXTENSION ADD names.
#include "analyzer/object_identity.h"
#include "analyzer/replay_objects.h"
#include "analyzer/table_members.h"

namespace migc {

namespace {

RelKind relation_kind_of(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return RelKind::View;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return RelKind::MaterializedView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return RelKind::Index;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return RelKind::Sequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return RelKind::ForeignTable;
    default: return RelKind::Table;
  }
}

ObjectAddress relation_address(PgQuery__ObjectType type, const std::vector<std::string>& names,
                               const ReplayContext& ctx) {
  QualifiedName q = ctx.resolve_relation(names);
  const Relation* r = ctx.catalog.relation(q);
  return {relation_ref(q), relation_key(r ? r->kind : relation_kind_of(type), q)};
}

// A column of a table, view, … or an attribute of a composite type.
ObjectAddress column_address(std::vector<std::string> names, const ReplayContext& ctx) {
  std::string column = names.back();
  names.pop_back();
  QualifiedName q = ctx.resolve_relation(names);
  if (const Relation* r = ctx.catalog.relation(q))
    return {column_ref(q, column), column_key(relation_identity_type(r->kind), q, column)};
  QualifiedName type = ctx.resolve_type(names);
  if (const TypeDef* t = ctx.catalog.type(type); t && t->kind == TypeKind::Composite)
    return {type_ref(type), column_key("composite type", type, column)};
  return {column_ref(q, column), column_key("table", q, column)};
}

ObjectAddress function_address(PgQuery__ObjectType type, const PgQuery__ObjectWithArgs* function,
                               ReplayContext& ctx) {
  NamedFunctions named = find_functions(function, type, ctx);
  ObjectAddress address{function_ref(named.name), ""};
  if (named.found.size() == 1) address.key = function_key(ctx.catalog.functions.at(named.found[0]));
  else if (named.input_types && type != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE)
    address.key = function_key(type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE, named.name, *named.input_types);
  return address;
}

// CONSTRAINT c ON DOMAIN d arrives as [TypeName d, String c].
std::optional<ObjectAddress> domain_constraint_address(const PgQuery__Node* object, const ReplayContext& ctx) {
  if (!object || object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items != 2) return std::nullopt;
  QualifiedName domain = ctx.resolve_type(object_names(object->list->items[0]));
  std::vector<std::string> name = object_names(object->list->items[1]);
  if (name.empty()) return std::nullopt;
  return ObjectAddress{type_ref(domain), member_key("domain constraint", name[0], domain)};
}

}  // namespace

std::optional<ObjectAddress> object_address(PgQuery__ObjectType type, const PgQuery__Node* object,
                                            ReplayContext& ctx) {
  std::vector<std::string> names = object_names(object);
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      if (names.empty()) return std::nullopt;
      return ObjectAddress{schema_ref(names[0]), schema_key(names[0])};
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      if (names.empty()) return std::nullopt;
      return ObjectAddress{extension_ref(names[0]), extension_key(names[0])};
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      if (names.empty()) return std::nullopt;
      return relation_address(type, names, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      if (names.size() < 2) return std::nullopt;
      return column_address(names, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      if (names.empty()) return std::nullopt;
      QualifiedName q = ctx.resolve_type(names);
      return ObjectAddress{type_ref(q), type_key(q)};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
      if (!object || object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return std::nullopt;
      return function_address(type, object->object_with_args, ctx);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      if (names.size() < 2) return std::nullopt;
      auto [table, name] = member_target(object, ctx);
      if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER)
        return ObjectAddress{trigger_ref(table, name), member_key("trigger", name, table)};
      if (type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY)
        return ObjectAddress{policy_ref(table, name), member_key("policy", name, table)};
      return ObjectAddress{constraint_ref(table, name), member_key("table constraint", name, table)};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: return domain_constraint_address(object, ctx);
    default: return std::nullopt;
  }
}

}  // namespace migc
