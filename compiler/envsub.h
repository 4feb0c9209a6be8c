// goose's `-- +goose ENVSUB ON` expansion (formats.md §6.2), which goose runs on each SQL line
// through mfridman/interpolate: `$VAR`, `${VAR}`, `${VAR:-default}` (unset or empty),
// `${VAR-default}` (unset), `${VAR:offset[:length]}`, `${VAR?message}` (error when unset);
// `$$` and `\$` give `$`, `$(` is kept. An unset variable expands to nothing.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source_file.h"

namespace migc {

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

EnvLookup process_environment();

// Bad syntax or a `${VAR?…}` whose variable is unset; `offset` is where in the line it starts.
class EnvsubError : public std::runtime_error {
 public:
  EnvsubError(uint32_t offset, const std::string& message) : std::runtime_error(message), offset(offset) {}
  uint32_t offset;
};

// Expands `line`, appending the result to `out`. Each piece that changed gets a Replacement
// from its place in `out` back to `line_offset` + its place in the line.
void envsub_line(std::string_view line, uint32_t line_offset, const EnvLookup& env, std::string& out,
                 std::vector<Replacement>& map);

}  // namespace migc
