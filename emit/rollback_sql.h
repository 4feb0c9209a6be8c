// rollback.sql: the down parts in reverse compiled order; migrations without one are named.
#pragma once
#include <string>

#include "analyzer/compile.h"
#include "emit/emit_options.h"

namespace migc {

std::string emit_rollback_sql(const Compilation& c, const EmitOptions& options);

}  // namespace migc
