// SHA-256, for input fingerprints and migration checksums (no crypto library needed for that).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace migc {

class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view data);
  std::array<uint8_t, 32> digest();  // finishes the hash; call once
  std::string hex_digest();

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_;
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

inline std::string sha256_hex(std::string_view data) { return Sha256().update(data).hex_digest(); }

}  // namespace migc
