// Natural order of names: runs of digits compare as numbers, so "2/01_x" < "10/01_y".
#pragma once
#include <string_view>

namespace migc {

// Negative, zero or positive like strcmp. Equal numbers with different leading zeros fall
// back to byte order so the order stays total.
int natural_compare(std::string_view a, std::string_view b);

inline bool natural_less(std::string_view a, std::string_view b) { return natural_compare(a, b) < 0; }

}  // namespace migc
