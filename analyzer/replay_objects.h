// The handlers replay_object_statement() hands each statement to, one file per kind of object.
// DROP, RENAME and SET SCHEMA arrive here already split by object type. Every handler records
// its references first and changes the catalog only when ctx.execute is set.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyzer/catalog_rename.h"
#include "analyzer/replay.h"

namespace migc {

// Names written as a String, a List of Strings, a TypeName, a RangeVar or an ObjectWithArgs' name.
std::vector<std::string> object_names(const PgQuery__Node* node);
// The text of a DefElem's argument as defGetString() gives it ("" when absent).
std::string def_text(const PgQuery__DefElem* def);

// One object of a DROP statement.
struct DropTarget {
  const PgQuery__Node* object;
  bool cascade = false;
};

// replay_schemas.cc
void replay_create_schema(const PgQuery__CreateSchemaStmt* stmt, ReplayContext& ctx);
void drop_schema(const DropTarget& target, ReplayContext& ctx);
void rename_schema(const PgQuery__RenameStmt* stmt, ReplayContext& ctx);

// replay_views.cc
void replay_view(const PgQuery__ViewStmt* stmt, ReplayContext& ctx);
void replay_materialized_view(const PgQuery__CreateTableAsStmt* stmt, ReplayContext& ctx);
void replay_refresh(const PgQuery__RefreshMatViewStmt* stmt, ReplayContext& ctx);

// replay_functions.cc
void replay_create_function(const PgQuery__CreateFunctionStmt* stmt, ReplayContext& ctx);
void replay_alter_function(const PgQuery__AlterFunctionStmt* stmt, ReplayContext& ctx);
void drop_function(const DropTarget& target, PgQuery__ObjectType type, ReplayContext& ctx);
void move_function(const PgQuery__ObjectWithArgs* function, PgQuery__ObjectType type, const std::string& new_name,
                   const std::string& new_schema, ReplayContext& ctx);
void replay_do(const PgQuery__DoStmt* stmt, ReplayContext& ctx);
// What `f(integer)` or a bare `f` names: the name resolved through the search_path, the
// input types written (nullopt for a bare name) and the matching overloads the catalog has
// (functions for FUNCTION, procedures for PROCEDURE, both for ROUTINE).
struct NamedFunctions {
  QualifiedName name;
  std::optional<std::string> input_types;
  std::vector<FunctionKey> found;
};
NamedFunctions find_functions(const PgQuery__ObjectWithArgs* function, PgQuery__ObjectType type, ReplayContext& ctx);

// replay_triggers.cc
void replay_create_trigger(const PgQuery__CreateTrigStmt* stmt, ReplayContext& ctx);
void drop_trigger(const DropTarget& target, ReplayContext& ctx);
void rename_trigger(const PgQuery__RenameStmt* stmt, ReplayContext& ctx);

// replay_types.cc
void replay_create_enum(const PgQuery__CreateEnumStmt* stmt, ReplayContext& ctx);
void replay_alter_enum(const PgQuery__AlterEnumStmt* stmt, ReplayContext& ctx);
void replay_create_domain(const PgQuery__CreateDomainStmt* stmt, ReplayContext& ctx);
void replay_alter_domain(const PgQuery__AlterDomainStmt* stmt, ReplayContext& ctx);
void replay_composite_type(const PgQuery__CompositeTypeStmt* stmt, ReplayContext& ctx);
void replay_alter_composite_type(const PgQuery__AlterTableStmt* stmt, ReplayContext& ctx);
void replay_create_range(const PgQuery__CreateRangeStmt* stmt, ReplayContext& ctx);
void replay_define(const PgQuery__DefineStmt* stmt, ReplayContext& ctx);
void drop_type(const DropTarget& target, ReplayContext& ctx);
void rename_type(const PgQuery__RenameStmt* stmt, ReplayContext& ctx);
void move_type(const PgQuery__Node* type, const std::string& new_schema, ReplayContext& ctx);

// replay_extensions.cc
void replay_create_extension(const PgQuery__CreateExtensionStmt* stmt, ReplayContext& ctx);
void replay_alter_extension(const PgQuery__AlterExtensionStmt* stmt, ReplayContext& ctx);
void drop_extension(const DropTarget& target, ReplayContext& ctx);
void move_extension(const PgQuery__Node* extension, const std::string& new_schema, ReplayContext& ctx);

// replay_policies.cc
void replay_create_policy(const PgQuery__CreatePolicyStmt* stmt, ReplayContext& ctx);
void replay_alter_policy(const PgQuery__AlterPolicyStmt* stmt, ReplayContext& ctx);
void drop_policy(const DropTarget& target, ReplayContext& ctx);
void rename_policy(const PgQuery__RenameStmt* stmt, ReplayContext& ctx);

// object_address.cc: the object a COMMENT, SECURITY LABEL, ALTER … OWNER or GRANT names.
struct ObjectAddress {
  ObjectRef ref;
  CommentKey key;  // its pg_identify_object() key; "" when the model keeps no comment for it
};
std::optional<ObjectAddress> object_address(PgQuery__ObjectType type, const PgQuery__Node* object,
                                            ReplayContext& ctx);

// replay_comments.cc
void replay_comment(const PgQuery__CommentStmt* stmt, ReplayContext& ctx);

// replay_privileges.cc: statements about objects the model does not store (grants, owners,
// roles, labels, event triggers, publications, …): references only. False for other kinds.
bool replay_unstored_statement(const PgQuery__Node* stmt, ReplayContext& ctx);

}  // namespace migc
