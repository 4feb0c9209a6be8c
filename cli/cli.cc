#include "cli/cli.h"

#include <iostream>

#include "compiler/loader.h"

namespace migc {

int run_cli(int argc, char** argv) {
  if (argc < 3) return 2;
  try {
    LoadOptions o;
    o.root = argv[2];
    o.display_root = argv[2];
    MigrationSet set = load_migrations(o);
    std::cout << set.migrations.size() << "\n";
  } catch (const CompileError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d);
    return 2;
  }
  return 0;
}

}  // namespace migc
