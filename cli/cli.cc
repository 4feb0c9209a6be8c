#include "cli/cli.h"

#include <filesystem>
#include <iostream>

#include "cli/command.h"

namespace fs = std::filesystem;

namespace migc {

int run_cli(int argc, char** argv) {
  CLI::App app{"migc: compile and analyse PostgreSQL migration directories"};
  app.set_version_flag("--version", std::string("migc ") + MIGC_VERSION);
  app.require_subcommand(1);

  // The one table of subcommands.
  std::vector<Command> commands = {
      add_build_command(app),
      add_graph_command(app),
      add_deps_command(app),
      add_schema_command(app),
      add_verify_command(app),
      add_lint_command(app),
      add_explain_command(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    Config cfg;
    if (auto file = find_config(fs::current_path())) cfg = read_config(*file);
    for (const auto& command : commands)
      if (command.app->parsed()) return command.run(cfg);
    return 2;
  } catch (const CompileError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "migc: error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace migc
