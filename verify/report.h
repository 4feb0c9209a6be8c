// The verdict of `migc verify` for people (one line per check, then each difference object by
// object) and as JSON (--format json).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "verify/checks.h"

namespace migc {

// A migration that failed to apply is named on its check's line; its diagnostic
// (file:line:col: error: …) goes to stderr like every other error.
std::string report_text(const VerifyReport& report);
nlohmann::json report_json(const VerifyReport& report);

}  // namespace migc
