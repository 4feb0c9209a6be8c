#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;

TEST_CASE("enum-value-used-before-commit: the new label used in the same transaction", "[rules]") {
  CHECK(lint_expectations({"CREATE TYPE status AS ENUM ('open');\nCREATE TABLE tickets (id int, s status);",
                           "ALTER TYPE status ADD VALUE 'closed';\n"
                           "UPDATE tickets SET s = 'closed' WHERE id = 1;  -- expect: enum-value-used-before-commit",
                           "ALTER TYPE status ADD VALUE 'archived';\n"
                           "SELECT 'archived'::status;  -- expect: enum-value-used-before-commit"},
                          {.linted = {false, true, true}}) == "");
}

TEST_CASE("enum-value-used-before-commit: after COMMIT, other labels and new types are fine", "[rules]") {
  CHECK(lint_expectations(
            {"CREATE TYPE status AS ENUM ('open');\nCREATE TABLE tickets (id int, s status, note text);",
             "ALTER TYPE status ADD VALUE 'closed';\nUPDATE tickets SET note = 'closed';\nUPDATE tickets SET s = 'open';",
             "ALTER TYPE status ADD VALUE 'gone';\nCOMMIT;\nUPDATE tickets SET s = 'gone';",
             "CREATE TYPE fresh AS ENUM ('a');\nALTER TYPE fresh ADD VALUE 'b';\nSELECT 'b'::fresh;"},
            {.linted = {false, true, true, true},
             .tx = {TxMode::Transaction, TxMode::Transaction, TxMode::None, TxMode::Transaction},
             .rules = {"enum-value-used-before-commit"}}) == "");
}
