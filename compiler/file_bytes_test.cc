#include "compiler/file_bytes.h"

#include <fstream>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

TEST_CASE("file_bytes reads a whole file, bytes as they are", "[file_bytes]") {
  fs::path dir = fs::temp_directory_path() / ("migc-file-bytes-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string text = "line one\r\nline two\n";
  text += std::string(200000, 'x');  // over one read's worth
  text += '\0';
  text += "after a NUL";
  { std::ofstream(dir / "a.sql", std::ios::binary) << text; }
  { std::ofstream(dir / "empty.sql", std::ios::binary); }
  CHECK(migc::file_bytes(dir / "a.sql") == text);
  CHECK(migc::file_bytes(dir / "empty.sql") == std::string());
  CHECK_FALSE(migc::file_bytes(dir / "missing.sql"));
  CHECK_FALSE(migc::file_bytes(dir));  // a directory
  fs::remove_all(dir);
}
