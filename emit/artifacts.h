// The artifact set `migc build` writes: file name → content, all produced in memory first so a
// failure leaves nothing behind and --check can compare without writing.
#pragma once
#include <map>
#include <string>

#include "analyzer/compile.h"
#include "emit/emit_options.h"

namespace migc {

std::map<std::string, std::string> build_artifacts(const Compilation& c, const EmitOptions& options);

}  // namespace migc
