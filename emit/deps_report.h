// `migc deps`: the dependency findings of a compilation as text or JSON.
#pragma once
#include <string>

#include "analyzer/compile.h"

namespace migc {

std::string deps_report_text(const Compilation& c);
std::string deps_report_json(const Compilation& c);

// Findings that make the order wrong or luck-dependent: undeclared dependencies and
// order-dependent pairs. `migc deps` exits 1 when there are any.
bool deps_have_ordering_findings(const Compilation& c);

}  // namespace migc
