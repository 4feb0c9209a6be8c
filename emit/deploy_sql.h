// deploy.sql: every migration in compiled order, each with its provenance, as one psql script.
#pragma once
#include <string>

#include "analyzer/compile.h"
#include "emit/emit_options.h"

namespace migc {

std::string emit_deploy_sql(const Compilation& c, const EmitOptions& options);

// Lines naming a migration: its id, files, kind, domain and dependencies.
std::string provenance_comment(const Compilation& c, uint32_t migration);

}  // namespace migc
