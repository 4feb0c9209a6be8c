#include "analyzer/node_walk.h"

namespace migc {

namespace {

using Visit = std::function<bool(const PgQuery__Node*)>;

void walk_message(const ProtobufCMessage* message, const Visit& visit) {
  const ProtobufCMessageDescriptor* descriptor = message->descriptor;
  if (descriptor == &pg_query__node__descriptor && !visit(reinterpret_cast<const PgQuery__Node*>(message))) return;
  const char* base = reinterpret_cast<const char*>(message);
  for (unsigned i = 0; i < descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < n; ++k)
        if (items[k]) walk_message(items[k], visit);
      continue;
    }
    // A oneof member (every field of PgQuery__Node) shares its storage with the others: only
    // the member named by the case field is there.
    if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset) != field.id)
      continue;
    auto* child = *reinterpret_cast<ProtobufCMessage* const*>(base + field.offset);
    if (child) walk_message(child, visit);
  }
}

}  // namespace

void walk_nodes(const PgQuery__Node* root, const std::function<bool(const PgQuery__Node*)>& visit) {
  if (root) walk_message(&root->base, visit);
}

}  // namespace migc
