#include "analyzer/object_identity.h"

namespace migc {

std::string_view relation_identity_type(RelKind kind) {
  switch (kind) {
    case RelKind::Table:
    case RelKind::PartitionedTable: return "table";
    case RelKind::Index:
    case RelKind::PartitionedIndex: return "index";
    case RelKind::View: return "view";
    case RelKind::MaterializedView: return "materialized view";
    case RelKind::Sequence: return "sequence";
    case RelKind::ForeignTable: return "foreign table";
  }
  return "relation";
}

CommentKey schema_key(std::string_view name) { return "schema " + quote_ident(name); }
CommentKey extension_key(std::string_view name) { return "extension " + quote_ident(name); }

CommentKey relation_key(RelKind kind, const QualifiedName& relation) {
  return std::string(relation_identity_type(kind)) + " " + display_name(relation);
}

CommentKey column_key(std::string_view owner_type, const QualifiedName& owner, std::string_view column) {
  return std::string(owner_type) + " column " + display_name(owner) + "." + quote_ident(column);
}

CommentKey type_key(const QualifiedName& type) { return "type " + display_name(type); }

CommentKey function_key(bool procedure, const QualifiedName& name, std::string_view input_types) {
  return std::string(procedure ? "procedure " : "function ") + display_name(name) + "(" + std::string(input_types) +
         ")";
}

CommentKey function_key(const Function& f) { return function_key(f.procedure, f.name, f.input_types); }

CommentKey member_key(std::string_view type, std::string_view name, const QualifiedName& owner) {
  return std::string(type) + " " + quote_ident(name) + " on " + display_name(owner);
}

}  // namespace migc
