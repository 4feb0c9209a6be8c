#include "analyzer/qualified_text.h"

namespace migc {

namespace {

bool starts_name(std::string_view text, size_t at) {
  return at == 0 || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == ',';
}

bool ends_name(std::string_view text, size_t at) {
  return at == text.size() || std::string_view("[(),. ").find(text[at]) != std::string_view::npos;
}

// Positions where `needle` occurs as a name (or, for a prefix, as the start of one).
template <class Each>
void each_mention(std::string_view text, std::string_view needle, bool whole, Each each) {
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    if (starts_name(text, at) && (!whole || ends_name(text, at + needle.size()))) each(at);
}

std::string replaced(std::string_view text, std::string_view from, std::string_view to, bool whole) {
  std::string out;
  size_t copied = 0;
  each_mention(text, from, whole, [&](size_t at) {
    if (at < copied) return;
    out.append(text.substr(copied, at - copied)).append(to);
    copied = at + from.size();
  });
  return out.append(text.substr(copied));
}

std::string schema_prefix(std::string_view schema) { return quote_ident(schema) + "."; }

}  // namespace

bool names_object(std::string_view text, const QualifiedName& object) {
  bool found = false;
  each_mention(text, display_name(object), true, [&](size_t) { found = true; });
  return found;
}

std::string rename_object_in(std::string_view text, const QualifiedName& from, const QualifiedName& to) {
  return replaced(text, display_name(from), display_name(to), true);
}

bool names_schema(std::string_view text, std::string_view schema) {
  bool found = false;
  each_mention(text, schema_prefix(schema), false, [&](size_t) { found = true; });
  return found;
}

std::string rename_schema_in(std::string_view text, std::string_view from, std::string_view to) {
  return replaced(text, schema_prefix(from), schema_prefix(to), false);
}

}  // namespace migc
