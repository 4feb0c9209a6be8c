#include "analyzer/names.h"

#include <map>
#include <mutex>
#include <vector>

#include "analyzer/sql_tokens.h"

namespace migc {

namespace {

constexpr size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

// Whether the scanner sees `word` as a keyword that quote_ident() must quote (anything but an
// unreserved keyword). Asked once per distinct word.
bool needs_quoting_as_keyword(const std::string& word) {
  static std::mutex mutex;
  static std::map<std::string, bool, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  bool quote = false;
  std::vector<SqlToken> tokens = sql_tokens(word);
  if (tokens.size() == 1)
    quote = tokens[0].keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD &&
            tokens[0].keyword != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
  cache.emplace(word, quote);
  return quote;
}

}  // namespace

size_t clip_utf8(std::string_view s, size_t limit) {
  if (s.size() <= limit) return s.size();
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string quote_ident(std::string_view name) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) safe = false;
  if (safe && !needs_quoting_as_keyword(std::string(name))) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string display_name(const QualifiedName& q) {
  return q.schema.empty() ? quote_ident(q.name) : quote_ident(q.schema) + "." + quote_ident(q.name);
}

std::string SearchPath::creation_schema() const { return schemas_.empty() ? "public" : schemas_.front(); }

std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i)
    if (items[i]->node_case == PG_QUERY__NODE__NODE_STRING) out.emplace_back(items[i]->string->sval);
  return out;
}

QualifiedName range_var_name(const PgQuery__RangeVar* rv, const std::string& default_schema) {
  std::string schema = rv->schemaname && *rv->schemaname ? rv->schemaname : default_schema;
  return {schema, rv->relname ? rv->relname : ""};
}

QualifiedName list_name(const std::vector<std::string>& parts, const std::string& default_schema) {
  if (parts.empty()) return {default_schema, ""};
  if (parts.size() == 1) return {default_schema, parts[0]};
  return {parts[parts.size() - 2], parts.back()};
}

std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
  size_t overhead = (name2.empty() ? 0 : 1) + (label.empty() ? 0 : label.size() + 1);
  size_t available = kMaxIdentifierBytes - overhead;
  size_t n1 = name1.size(), n2 = name2.size();
  while (n1 + n2 > available) {
    if (n1 > n2) --n1;
    else --n2;
  }
  std::string out(name1.substr(0, clip_utf8(name1, n1)));
  if (!name2.empty()) out += "_" + std::string(name2.substr(0, clip_utf8(name2, n2)));
  if (!label.empty()) out += "_" + std::string(label);
  return out;
}

}  // namespace migc
