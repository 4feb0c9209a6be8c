// Objects named as pg_identify_object() names them (its type, a space, its identity, with
// search_path = pg_catalog): the keys of Catalog::comments, e.g. "table public.users",
// "table column public.users.email", "function public.f(integer,pg_catalog.text)",
// "trigger t on public.users", "domain constraint c on public.d".
#pragma once
#include <string>
#include <string_view>

#include "analyzer/catalog.h"

namespace migc {

// pg_identify_object's type of a relation: "table" (partitioned too), "view",
// "materialized view", "index" (partitioned too), "sequence", "foreign table".
std::string_view relation_identity_type(RelKind kind);

CommentKey schema_key(std::string_view name);
CommentKey extension_key(std::string_view name);
CommentKey relation_key(RelKind kind, const QualifiedName& relation);
// `owner_type` is the owner's identity type ("table", "view", …, "composite type").
CommentKey column_key(std::string_view owner_type, const QualifiedName& owner, std::string_view column);
CommentKey type_key(const QualifiedName& type);
CommentKey function_key(bool procedure, const QualifiedName& name, std::string_view input_types);
CommentKey function_key(const Function& f);
// Objects named within another: "trigger", "policy", "table constraint", "domain constraint".
CommentKey member_key(std::string_view type, std::string_view name, const QualifiedName& owner);

}  // namespace migc
