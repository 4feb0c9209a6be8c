#include "analyzer/object_ref.h"

#include "analyzer/catalog.h"

#include <cctype>
#include <vector>

namespace migc {

std::string_view object_kind_name(ObjectKind k) {
  switch (k) {
    case ObjectKind::Schema: return "schema";
    case ObjectKind::Relation: return "relation";
    case ObjectKind::Column: return "column";
    case ObjectKind::Constraint: return "constraint";
    case ObjectKind::Type: return "type";
    case ObjectKind::Function: return "function";
    case ObjectKind::Trigger: return "trigger";
    case ObjectKind::Policy: return "policy";
    case ObjectKind::Extension: return "extension";
  }
  return "object";
}

std::string_view access_name(Access a) {
  switch (a) {
    case Access::Read: return "read";
    case Access::Create: return "create";
    case Access::Alter: return "alter";
    case Access::Write: return "write";
    case Access::Drop: return "drop";
  }
  return "use";
}

std::string ObjectRef::display() const {
  std::string text(object_kind_name(kind));
  text += ' ';
  if (kind == ObjectKind::Schema || kind == ObjectKind::Extension) return text + quote_ident(name.name);
  text += display_name(name);
  if (!member.empty()) text += "." + quote_ident(member);
  return text;
}

std::string ObjectRef::describe(const Catalog& catalog) const {
  if (kind != ObjectKind::Relation) return display();
  const Relation* r = catalog.relation(name);
  return r ? std::string(relkind_name(r->kind)) + " " + display_name(name) : display();
}

ObjectRef ObjectRef::owner() const {
  if (member.empty()) return *this;
  return relation_ref(name);
}

// Dotted SQL name parts: "Public"."Users" stays as written, Public.Users folds to public.users.
static std::vector<std::string> name_parts(std::string_view text) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') parts.back() += text[++i];
      else quoted = !quoted;
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return parts;
}

std::optional<ObjectRef> parse_object_ref(std::string_view kind, std::string_view text) {
  std::vector<std::string> parts = name_parts(text);
  for (const auto& p : parts)
    if (p.empty()) return std::nullopt;
  QualifiedName q = parts.size() == 1 ? QualifiedName{"public", parts[0]} : QualifiedName{parts[parts.size() - 2], parts.back()};
  if (kind == "schema") return parts.size() == 1 ? std::optional(schema_ref(parts[0])) : std::nullopt;
  if (kind == "extension") return parts.size() == 1 ? std::optional(extension_ref(parts[0])) : std::nullopt;
  if (kind == "table" || kind == "view" || kind == "sequence" || kind == "relation") return relation_ref(q);
  if (kind == "type") return type_ref(q);
  if (kind == "function") return function_ref(q);
  return std::nullopt;
}

ObjectRef schema_ref(std::string name) { return {ObjectKind::Schema, {"", std::move(name)}, ""}; }
ObjectRef extension_ref(std::string name) { return {ObjectKind::Extension, {"", std::move(name)}, ""}; }
ObjectRef relation_ref(QualifiedName q) { return {ObjectKind::Relation, std::move(q), ""}; }
ObjectRef column_ref(QualifiedName t, std::string c) { return {ObjectKind::Column, std::move(t), std::move(c)}; }
ObjectRef constraint_ref(QualifiedName t, std::string c) { return {ObjectKind::Constraint, std::move(t), std::move(c)}; }
ObjectRef type_ref(QualifiedName q) { return {ObjectKind::Type, std::move(q), ""}; }
ObjectRef function_ref(QualifiedName q) { return {ObjectKind::Function, std::move(q), ""}; }
ObjectRef trigger_ref(QualifiedName t, std::string n) { return {ObjectKind::Trigger, std::move(t), std::move(n)}; }
ObjectRef policy_ref(QualifiedName t, std::string n) { return {ObjectKind::Policy, std::move(t), std::move(n)}; }

}  // namespace migc
