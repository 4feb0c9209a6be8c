#include <iostream>
#include <memory>

#include "cli/command.h"
#include "emit/graph.h"

namespace migc {

Command add_graph_command(CLI::App& parent) {
  struct GraphFlags {
    CommonFlags common;
    std::string format = "mermaid";
  };
  auto f = std::make_shared<GraphFlags>();
  CLI::App* cmd = parent.add_subcommand("graph", "print the dependency graph");
  add_common_flags(cmd, f->common);
  cmd->add_option("--format", f->format, "mermaid, dot or json")->check(CLI::IsMember({"mermaid", "dot", "json"}));
  return {cmd, [f](const Config& cfg) {
            Compilation c = compile(compile_options(f->common, cfg));
            print_warnings(c.set);
            if (f->format == "mermaid") std::cout << emit_graph_mermaid(c);
            else if (f->format == "dot") std::cout << emit_graph_dot(c);
            else std::cout << emit_graph_json(c);
            return 0;
          }};
}

}  // namespace migc
