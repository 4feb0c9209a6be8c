// The predicted schema as one PostgreSQL 15 DDL script: every modelled object, created in an
// order that satisfies its dependencies, for psql to run on an empty database.
#pragma once
#include <string>

#include "analyzer/catalog.h"

namespace migc {

std::string schema_to_sql(const Catalog& catalog);

}  // namespace migc
