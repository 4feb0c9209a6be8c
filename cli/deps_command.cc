#include <iostream>
#include <memory>

#include "cli/command.h"
#include "emit/deps_report.h"

namespace migc {

Command add_deps_command(CLI::App& parent) {
  struct DepsFlags {
    CommonFlags common;
    std::string format = "text";
  };
  auto f = std::make_shared<DepsFlags>();
  CLI::App* cmd = parent.add_subcommand(
      "deps", "report undeclared, missing, duplicate, order-dependent and redundant dependencies");
  add_common_flags(cmd, f->common);
  cmd->add_option("--format", f->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {cmd, [f](const Config& cfg) {
            CompileOptions options = compile_options(f->common, cfg);
            options.parse.down = false;  // only the up parts build the schema
            Compilation c = compile(options);
            print_warnings(c.set);
            std::cout << (f->format == "json" ? deps_report_json(c) : deps_report_text(c));
            return deps_have_ordering_findings(c) ? 1 : 0;
          }};
}

}  // namespace migc
