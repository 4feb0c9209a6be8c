// A migration source file as the loaders read it: its text after placeholder expansion,
// and a map back to the bytes the author wrote, so every position names the original
// file:line:col.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migc {

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in bytes
};

// One replaced range: [expanded_begin, expanded_end) of the expanded text came from
// [original_begin, original_end) of the original text. Ranges of equal length map byte for
// byte; text between ranges is a shifted copy of the original.
struct Replacement {
  uint32_t expanded_begin, expanded_end;
  uint32_t original_begin, original_end;
};

class SourceFile {
 public:
  // `path` is relative to the migrations root; `display_path` is how messages name the file.
  SourceFile(std::string path, std::string display_path, std::string original);

  const std::string& path() const { return path_; }          // relative to the root, '/'-separated
  const std::string& display_path() const { return display_path_; }
  const std::string& original() const { return original_; }  // bytes as read from disk
  const std::string& text() const { return text_; }          // after expansion (== original if none)

  // Replaces the text with an expansion of the original; `replacements` are sorted and disjoint.
  void set_expanded(std::string text, std::vector<Replacement> replacements);

  uint32_t original_offset(uint32_t expanded_offset) const;
  LineCol position(uint32_t expanded_offset) const;          // in the original file
  LineCol original_position(uint32_t original_offset) const;
  std::string_view original_line(uint32_t line) const;       // without its line break

 private:
  std::string path_;
  std::string display_path_;
  std::string original_;
  std::string text_;
  std::vector<Replacement> replacements_;
  std::vector<uint32_t> line_starts_;  // byte offsets in original_
};

}  // namespace migc
