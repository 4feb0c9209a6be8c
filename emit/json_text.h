// JSON text written directly, for the reports that print many small objects: building a
// document first costs more than the lint run that found them.
#pragma once
#include <string>
#include <string_view>

namespace migc {

// Appends `s` as a JSON string: quotes, backslashes and control characters escaped as
// nlohmann::json escapes them, UTF-8 kept, each byte that is not valid UTF-8 as U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace migc
