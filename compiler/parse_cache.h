// Parse trees kept between runs, keyed by the SHA-256 of the statement text, so that linting one
// changed file of a large repository does not parse its history again. One file per migrations
// directory; it holds the trees used by the last run only, so it never outgrows the repository.
#pragma once
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace migc {

class ParseCache {
 public:
  // Loads `file` when it exists and was written by this libpg_query version; a damaged or foreign
  // file is ignored (and replaced by save()).
  explicit ParseCache(std::filesystem::path file);

  // The protobuf parse tree of `sql`, if cached. Safe to call from several threads.
  std::optional<std::string_view> find(std::string_view sql);
  void add(std::string_view sql, std::string tree);
  // Writes the trees used or added in this run, when anything changed; best effort (a cache that
  // cannot be written is simply not there next time).
  void save();

 private:
  struct Entry {
    std::string tree;
    bool used = false;
  };
  std::filesystem::path file_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // raw 32-byte digest → tree
  size_t loaded_ = 0, used_ = 0;
  bool added_ = false;
};

// Where the cache of a migrations directory lives: $XDG_CACHE_HOME/migc (or ~/.cache/migc), one
// file per directory; nullopt when neither is set.
std::optional<std::filesystem::path> default_parse_cache_file(const std::filesystem::path& root);

}  // namespace migc
