// The dependency graph as Mermaid (domains as subgraphs, seeds styled apart), Graphviz DOT and
// JSON. Nodes are in compiled order; implicit chain edges are drawn dotted.
#pragma once
#include <string>

#include "analyzer/compile.h"

namespace migc {

std::string emit_graph_mermaid(const Compilation& c);
std::string emit_graph_dot(const Compilation& c);
std::string emit_graph_json(const Compilation& c);

}  // namespace migc
