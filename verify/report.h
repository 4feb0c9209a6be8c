// The verdict of `migc verify` for people (one line per check, then each difference object by
// object) and as JSON (--format json).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "verify/checks.h"

namespace migc {

// Failed applies are included as diagnostics (file:line:col: error: …).
std::string report_text(const VerifyReport& report);
nlohmann::json report_json(const VerifyReport& report);

}  // namespace migc
