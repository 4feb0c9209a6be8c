// A whole file read with one open and as few reads as it takes: the loaders read hundreds of
// small files, where iostreams cost more than the reading.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace migc {

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> file_bytes(const std::filesystem::path& path);

}  // namespace migc
