// Finding and renaming schema-qualified names inside the text the model stores: column and
// argument types ("auth.status[]"), argument lists, results, comment keys. A name counts only
// where a name can start (after a space, "(" or ",", or at the start) and, for whole objects,
// where it ends ("[", "(", ")", ",", ".", a space, or the end).
#pragma once
#include <string>
#include <string_view>

#include "analyzer/names.h"

namespace migc {

// Whether `text` names the object (its display_name()).
bool names_object(std::string_view text, const QualifiedName& object);
// `text` with every such mention of `from` replaced by `to`.
std::string rename_object_in(std::string_view text, const QualifiedName& from, const QualifiedName& to);

// Whether `text` names anything in `schema` (a mention of `schema.`).
bool names_schema(std::string_view text, std::string_view schema);
// `text` with every `from.` prefix replaced by `to.`.
std::string rename_schema_in(std::string_view text, std::string_view from, std::string_view to);

}  // namespace migc
