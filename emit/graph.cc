#include "emit/graph.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace migc {

namespace {

// Migrations grouped by domain ("" = no domain), domains in name order, members in compiled order.
std::map<std::string, std::vector<uint32_t>> by_domain(const Compilation& c) {
  std::map<std::string, std::vector<uint32_t>> out;
  for (uint32_t i : c.plan.order) out[c.set.migrations[i].domain].push_back(i);
  return out;
}

// Node names are positions in the compiled order, so they stay short and valid in both languages.
std::map<uint32_t, std::string> node_names(const Compilation& c) {
  std::map<uint32_t, std::string> out;
  for (size_t k = 0; k < c.plan.order.size(); ++k) out[c.plan.order[k]] = fmt::format("m{}", k + 1);
  return out;
}

std::string mermaid_label(const std::string& s) {
  std::string out;
  for (char ch : s) out += ch == '"' ? std::string("#quot;") : std::string(1, ch);
  return out;
}

std::string dot_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string emit_graph_mermaid(const Compilation& c) {
  auto names = node_names(c);
  std::string out = "flowchart TD\n";
  std::string seeds;
  for (const auto& [domain, members] : by_domain(c)) {
    std::string indent = domain.empty() ? "  " : "    ";
    if (!domain.empty()) out += fmt::format("  subgraph {}[\"{}\"]\n", "d_" + names[members.front()], mermaid_label(domain));
    for (uint32_t i : members) {
      const Migration& m = c.set.migrations[i];
      out += fmt::format("{}{}[\"{}\"]\n", indent, names[i], mermaid_label(m.id));
      if (m.kind == Kind::Seed) seeds += (seeds.empty() ? "" : ",") + names[i];
    }
    if (!domain.empty()) out += "  end\n";
  }
  for (const auto& e : c.plan.edges)
    out += fmt::format("  {} {} {}\n", names[e.before],
                       e.ref->inferred ? "-. inferred .->" : e.ref->implicit ? "-.->" : "-->", names[e.after]);
  if (!seeds.empty()) {
    out += "  classDef seed fill:#fff4d6,stroke:#b7791f,stroke-dasharray:4 3\n";
    out += fmt::format("  class {} seed\n", seeds);
  }
  return out;
}

std::string emit_graph_dot(const Compilation& c) {
  auto names = node_names(c);
  std::string out = "digraph migrations {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const auto& [domain, members] : by_domain(c)) {
    std::string indent = domain.empty() ? "  " : "    ";
    if (!domain.empty())
      out += fmt::format("  subgraph cluster_{} {{\n    label={};\n", names[members.front()], dot_string(domain));
    for (uint32_t i : members) {
      const Migration& m = c.set.migrations[i];
      std::string style = m.kind == Kind::Seed ? ", style=\"dashed,filled\", fillcolor=\"#fff4d6\"" : "";
      out += fmt::format("{}{} [label={}{}];\n", indent, names[i], dot_string(m.id), style);
    }
    if (!domain.empty()) out += "  }\n";
  }
  for (const auto& e : c.plan.edges)
    out += fmt::format("  {} -> {}{};\n", names[e.before], names[e.after],
                       e.ref->inferred   ? " [style=dashed, label=\"inferred\"]"
                       : e.ref->implicit ? " [style=dotted]"
                                         : "");
  return out + "}\n";
}

std::string emit_graph_json(const Compilation& c) {
  nlohmann::ordered_json doc;
  auto nodes = nlohmann::ordered_json::array();
  for (uint32_t i : c.plan.order) {
    const Migration& m = c.set.migrations[i];
    nodes.push_back({{"id", m.id}, {"domain", m.domain}, {"kind", kind_name(m.kind)}});
  }
  auto edges = nlohmann::ordered_json::array();
  for (const auto& e : c.plan.edges)
    edges.push_back({{"from", c.set.migrations[e.before].id},
                     {"to", c.set.migrations[e.after].id},
                     {"implicit", e.ref->implicit},
                     {"inferred", e.ref->inferred}});
  doc["nodes"] = std::move(nodes);
  doc["edges"] = std::move(edges);
  return doc.dump(2) + "\n";
}

}  // namespace migc
