// `migc build --check`: compares freshly compiled artifacts with the ones in OUT.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace migc {

// One line per artifact that is missing or differs, naming the first differing line and the
// size of the change; empty when everything matches.
std::vector<std::string> stale_artifacts(const std::filesystem::path& out,
                                         const std::map<std::string, std::string>& expected);

}  // namespace migc
