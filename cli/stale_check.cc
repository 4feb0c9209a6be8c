#include "cli/stale_check.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "compiler/text_lines.h"

namespace fs = std::filesystem;

namespace migc {

static std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (const auto& line : text_lines(s)) out.push_back(line_content(s, line));
  return out;
}

std::vector<std::string> stale_artifacts(const fs::path& out, const std::map<std::string, std::string>& expected) {
  std::vector<std::string> report;
  for (const auto& [name, want] : expected) {
    fs::path p = out / name;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      report.push_back(fmt::format("{}: missing", p.generic_string()));
      continue;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string have = buf.str();
    if (have == want) continue;
    auto a = lines_of(have), b = lines_of(want);
    size_t first = 0;
    while (first < a.size() && first < b.size() && a[first] == b[first]) ++first;
    size_t common_tail = 0;
    while (common_tail < a.size() - first && common_tail < b.size() - first &&
           a[a.size() - 1 - common_tail] == b[b.size() - 1 - common_tail])
      ++common_tail;
    report.push_back(fmt::format("{}:{}: stale: {} line(s) would change into {} (first: {:?} → {:?})",
                                 p.generic_string(), first + 1, a.size() - first - common_tail,
                                 b.size() - first - common_tail, first < a.size() ? a[first] : "",
                                 first < b.size() ? b[first] : ""));
  }
  return report;
}

}  // namespace migc
