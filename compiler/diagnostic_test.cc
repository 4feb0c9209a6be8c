#include "compiler/diagnostic.h"

#include <catch2/catch.hpp>

using namespace migc;

TEST_CASE("format_diagnostic: location, source line and caret, tabs kept", "[diagnostic]") {
  SourceFile f("a.sql", "db/a.sql", "SELECT 1;\n\tSELEC 2;\n");
  Diagnostic d = diagnostic_at(Severity::Error, f, 11, "syntax error");
  d.hints.push_back("did you mean SELECT?");
  CHECK(format_diagnostic(d) ==
        "db/a.sql:2:2: error: syntax error\n"
        "    2 | \tSELEC 2;\n"
        "      | \t^\n"
        "  hint: did you mean SELECT?\n");
}

TEST_CASE("format_diagnostic: a very long line is shown around the column", "[diagnostic]") {
  std::string line(500, 'x');
  line[300] = '!';
  SourceFile f("a.sql", "a.sql", line + "\n");
  std::string out = format_diagnostic(diagnostic_at(Severity::Error, f, 300, "here"));
  CHECK(out.find("a.sql:1:301: error: here\n") == 0);
  CHECK(out.size() < 400);
  size_t shown = out.find('!');
  size_t caret = out.find('^');
  REQUIRE(shown != std::string::npos);
  REQUIRE(caret != std::string::npos);
  // The caret sits under the '!' (both lines start after the same gutter).
  CHECK(caret - out.rfind('\n', caret) == shown - out.rfind('\n', shown) - std::string("…").size() + 1);
}
