// plan.json: the compiled order and, per migration, its files, kind, dependencies and statements.
#pragma once
#include <string>

#include "analyzer/compile.h"

namespace migc {

std::string emit_plan_json(const Compilation& c);

}  // namespace migc
