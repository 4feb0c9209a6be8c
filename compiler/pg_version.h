// Target server versions as users write them ("15", "11", "11.0", "9.6", "16.2") and as
// PostgreSQL numbers them (150000, 110000, 90600, 160002).
#pragma once
#include <optional>
#include <string_view>

namespace migc {

std::optional<int> parse_pg_version(std::string_view text);

}  // namespace migc
