// Identifiers written inside string literals, read as PostgreSQL's SplitIdentifierString()
// reads them: 'app.users'::regclass, nextval('"Orders_id_seq"'),
// set_config('search_path', 'app, "Public"', false).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migc {

// The identifiers of `text` split at `separator`: whitespace around each is skipped, a quoted
// identifier keeps its case ("" is a quote), an unquoted one is folded to lower case. An empty
// text is an empty list; nullopt when the text is malformed (an empty element, an unterminated
// quote, junk after an element).
std::optional<std::vector<std::string>> split_identifiers(std::string_view text, char separator);

}  // namespace migc
