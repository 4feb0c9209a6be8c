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
    if (fs::is_directory(target, ec)) {
      discard();
      throw std::runtime_error("cannot write " + target.string() + ": it is a folder");
    }
    fs::create_directories(target.parent_path(), ec);
    fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    staged.emplace_back(tmp, target);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      discard();
      throw std::runtime_error("cannot write " + target.string());
    }
  }
  // Move the old files aside, the new ones in; on any failure put everything back.
  std::vector<std::pair<fs::path, fs::path>> replaced;  // backup (or empty) → target
  auto restore = [&] {
    for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
      fs::remove(it->second, ec);
      if (!it->first.empty()) fs::rename(it->first, it->second, ec);
    }
  };
  for (const auto& [tmp, target] : staged) {
    fs::path backup;
    if (fs::exists(target, ec)) {
      backup = target.parent_path() / ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
      fs::rename(target, backup, ec);
      if (ec) backup.clear();
    }
    if (!ec) fs::rename(tmp, target, ec);
    if (ec) {
      std::string message = "cannot write " + target.string() + ": " + ec.message();
      if (!backup.empty()) fs::rename(backup, target, ec);
      restore();
      discard();
      throw std::runtime_error(message);
    }
    replaced.emplace_back(backup, target);
  }
  for (const auto& [backup, _] : replaced)
    if (!backup.empty()) fs::remove(backup, ec);
}

}  // namespace migc
