// A unified diff (`diff -u` style, applies with `patch -p1` or `git apply`) between two
// versions of one file, for changes migc proposes to the author's own files.
#pragma once
#include <string>
#include <string_view>

namespace migc {

// "" when the texts are equal. The changed lines form one hunk with up to three lines of
// context either side: enough for the small, local edits migc makes.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace migc
