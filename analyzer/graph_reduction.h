// The transitive reduction of a migration graph (Boost.Graph): the fewest edges that keep
// every ordering the graph implies.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

namespace migc {

// `edges` are (before, after) pairs over `vertices` migrations and must form a DAG. Returns,
// for each migration, the prerequisites the reduction keeps, sorted.
std::vector<std::vector<uint32_t>> reduced_prerequisites(uint32_t vertices,
                                                         const std::vector<std::pair<uint32_t, uint32_t>>& edges);

}  // namespace migc
