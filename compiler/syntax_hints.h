// Hints for a syntax error: what the text around the error looks like when it is not
// PostgreSQL 15 SQL (newer syntax, a psql meta-command, a template, another dialect).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace migc {

// `statement` is the text that failed; `error_offset` the byte where the parser stopped.
std::vector<std::string> syntax_hints(std::string_view statement, size_t error_offset);

}  // namespace migc
