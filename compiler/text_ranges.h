// Byte ranges of a source text for the readers whose sections are runs of lines (migretti
// sections, yoyo .py step strings), and blocks made of several ranges.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.h"

namespace migc {

struct TextRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Appends [begin, end) to `ranges`, joining it to the last range when they touch.
void append_range(std::vector<TextRange>& ranges, uint32_t begin, uint32_t end);

// One block holding the statements of each range of `file`, in order.
Block ranges_block(const MigrationSet& set, uint32_t file, const std::vector<TextRange>& ranges, TxMode tx);

// ASCII letters in lower case (Python's str.lower() on ASCII text).
std::string ascii_lower(std::string_view s);
// Whether `text` holds `lower` (lower-case ASCII) in any letter case: a cheap test that spares
// walking a parse tree for a name the text never mentions.
bool mentions(std::string_view text, std::string_view lower);

}  // namespace migc
