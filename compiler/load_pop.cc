// Placeholder until this format's reader lands.
#include "compiler/loader.h"

namespace migc {

void load_pop(LoadContext& ctx) {
  throw CompileError(diagnostic_in(Severity::Error, ctx.display(""), "format not supported yet"));
}

}  // namespace migc
