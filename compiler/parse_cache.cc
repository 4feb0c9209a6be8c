#include "compiler/parse_cache.h"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <pg_query.h>

#include "compiler/sha256.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

constexpr std::string_view kMagic = "migc-parse-cache 1 libpg_query " PG_VERSION "\n";

std::string key_of(std::string_view sql) {
  std::array<uint8_t, 32> d = Sha256().update(sql).digest();
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

uint32_t get_u32(std::string_view in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << (8 * i);
  return v;
}

}  // namespace

ParseCache::ParseCache(fs::path file) : file_(std::move(file)) {
  std::ifstream in(file_, std::ios::binary);
  if (!in) return;
  std::ostringstream s;
  s << in.rdbuf();
  std::string data = s.str();
  if (!std::string_view(data).starts_with(kMagic)) return;
  std::string_view rest = std::string_view(data).substr(kMagic.size());
  std::unordered_map<std::string, Entry> entries;
  while (!rest.empty()) {
    if (rest.size() < 36) return;  // damaged: ignore it all
    uint32_t size = get_u32(rest.substr(32));
    if (rest.size() - 36 < size) return;
    entries[std::string(rest.substr(0, 32))] = {std::string(rest.substr(36, size)), false};
    rest.remove_prefix(36 + size);
  }
  entries_ = std::move(entries);
  loaded_ = entries_.size();
}

std::optional<std::string_view> ParseCache::find(std::string_view sql) {
  std::string key = key_of(sql);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (!it->second.used) ++used_;
  it->second.used = true;
  return it->second.tree;
}

void ParseCache::add(std::string_view sql, std::string tree) {
  std::string key = key_of(sql);
  std::lock_guard lock(mutex_);
  auto [it, fresh] = entries_.try_emplace(std::move(key), Entry{std::move(tree), true});
  if (fresh) {
    ++used_;
    added_ = true;
  }
}

void ParseCache::save() {
  std::lock_guard lock(mutex_);
  if (!added_ && used_ == loaded_) return;  // the file on disk is exactly this run's trees
  std::string out(kMagic);
  for (const auto& [key, entry] : entries_) {
    if (!entry.used) continue;
    out += key;
    put_u32(out, static_cast<uint32_t>(entry.tree.size()));
    out += entry.tree;
  }
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  fs::path tmp = file_;
  tmp += ".tmp" + std::to_string(getpid());  // concurrent runs each write their own, the last rename wins
  {
    std::ofstream o(tmp, std::ios::binary);
    if (!(o << out)) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file_, ec);
  if (ec) fs::remove(tmp, ec);
}

std::optional<fs::path> default_parse_cache_file(const fs::path& root) {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".cache";
  else return std::nullopt;
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(root, ec);
  return base / "migc" / ("parse-" + sha256_hex(dir.string()).substr(0, 16) + ".bin");
}

}  // namespace migc
