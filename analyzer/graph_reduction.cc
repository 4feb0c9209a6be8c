#include "analyzer/graph_reduction.h"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/transitive_reduction.hpp>

namespace migc {

std::vector<std::vector<uint32_t>> reduced_prerequisites(uint32_t vertices,
                                                         const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  std::vector<std::vector<uint32_t>> kept(vertices);
  if (edges.empty()) return kept;
  Graph graph(vertices), reduced;
  for (auto [before, after] : edges) boost::add_edge(before, after, graph);
  std::vector<Graph::vertex_descriptor> to_reduced(vertices);
  boost::transitive_reduction(graph, reduced, to_reduced.data(), boost::get(boost::vertex_index, graph));
  std::vector<uint32_t> from_reduced(vertices);
  for (uint32_t v = 0; v < vertices; ++v) from_reduced[to_reduced[v]] = v;
  for (auto [e, end] = boost::edges(reduced); e != end; ++e)
    kept[from_reduced[boost::target(*e, reduced)]].push_back(from_reduced[boost::source(*e, reduced)]);
  for (auto& prerequisites : kept) {
    std::sort(prerequisites.begin(), prerequisites.end());
    prerequisites.erase(std::unique(prerequisites.begin(), prerequisites.end()), prerequisites.end());
  }
  return kept;
}

}  // namespace migc
