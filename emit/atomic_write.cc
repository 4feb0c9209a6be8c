#include "emit/atomic_write.h"

#include <fstream>
#include <stdexcept>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace migc {

void write_files_atomically(const fs::path& dir, const std::map<std::string, std::string>& files) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  std::vector<std::pair<fs::path, fs::path>> staged;  // temp → final
  auto discard = [&] {
    for (const auto& [tmp, _] : staged) fs::remove(tmp, ec);
  };
  for (const auto& [name, content] : files) {
    fs::path target = dir / name;
    fs::path tmp = dir / ("." + name + ".tmp-" + std::to_string(::getpid()));
    staged.emplace_back(tmp, target);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      discard();
      throw std::runtime_error("cannot write " + target.string());
    }
  }
  for (const auto& [tmp, target] : staged) {
    fs::rename(tmp, target, ec);
    if (ec) {
      discard();
      throw std::runtime_error("cannot write " + target.string() + ": " + ec.message());
    }
  }
}

}  // namespace migc
