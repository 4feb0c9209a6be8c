#include "analyzer/stored_expressions.h"

#include <catch2/catch.hpp>

using namespace migc;

namespace {

using Strings = std::vector<std::string>;

// One index key parsed back; its IndexElem lives as long as the returned object.
struct Key {
  explicit Key(const std::string& text) : parsed({text}) { REQUIRE(parsed.elems().size() == 1); }
  const PgQuery__IndexElem* elem() const { return parsed.elems()[0]; }
  const PgQuery__Node* expr() const { return parsed.elems()[0]->expr; }
  ParsedIndexKeys parsed;
};

}  // namespace

TEST_CASE("referenced_columns: each column once, in order, not inside sub-selects", "[replay-relations][stored-expressions]") {
  CHECK(referenced_columns(Key("(a > b AND t.a < c)").expr()) == Strings{"a", "b", "c"});
  CHECK(referenced_columns(Key("(x IN (SELECT y FROM z))").expr()) == Strings{"x"});
  CHECK(referenced_columns(Key("(now())").expr()).empty());
}

TEST_CASE("expression_text parenthesises what pg_get_expr parenthesises", "[replay-relations][stored-expressions]") {
  CHECK(expression_text(Key("(price > 0)").expr()) == "(price > 0)");
  CHECK(expression_text(Key("(a IS NULL)").expr()) == "(a IS NULL)");
  CHECK(expression_text(Key("(a > 0 AND b > 0)").expr()) == "(a > 0 AND b > 0)");
  CHECK(expression_text(Key("now()").expr()) == "now()");
  CHECK(expression_text(Key("('x'::text)").expr()) == "'x'::text");
}

TEST_CASE("index_key_text writes keys as pg_get_indexdef does", "[replay-relations][stored-expressions]") {
  CHECK(index_key_text(Key("email").elem()) == "email");
  CHECK(index_key_text(Key("\"Email\"").elem()) == "\"Email\"");
  CHECK(index_key_text(Key("lower(email)").elem()) == "lower(email)");
  CHECK(index_key_text(Key("(a + b)").elem()) == "(a + b)");
  CHECK(index_key_text(Key("email text_pattern_ops").elem()) == "email text_pattern_ops");
  CHECK(index_key_text(Key("name COLLATE \"C\"").elem()) == "name COLLATE \"C\"");
  CHECK(index_key_text(Key("at DESC").elem()) == "at DESC");
  CHECK(index_key_text(Key("at DESC NULLS LAST").elem()) == "at DESC NULLS LAST");
  CHECK(index_key_text(Key("at ASC NULLS FIRST").elem()) == "at NULLS FIRST");
  CHECK(index_key_text(Key("at ASC NULLS LAST").elem()) == "at");
}

TEST_CASE("stored text read back: columns, renames, relations, sequences", "[replay-relations][stored-expressions]") {
  CHECK(expression_columns("(lo <= hi)") == Strings{"lo", "hi"});
  CHECK(expression_columns("not an expression (").empty());
  CHECK(index_key_columns({"lower(email)", "(a + b)", "c DESC"}) == Strings{"email", "a", "b", "c"});

  CHECK(rename_expression_column("(lo <= hi)", "lo", "low") == "(low <= hi)");
  CHECK(rename_expression_column("(lo <= hi)", "nothing", "x") == "(lo <= hi)");
  CHECK(rename_index_key_column({"lower(email)", "email DESC", "id"}, "email", "mail") ==
        Strings{"lower(mail)", "mail DESC", "id"});
  // One comma-separated list (a partition key) comes back as its keys.
  CHECK(rename_index_key_column({"a, lower(b)"}, "b", "c") == Strings{"a", "lower(c)"});

  CHECK(query_relations("SELECT * FROM app.users u JOIN orders o ON o.uid = u.id WHERE EXISTS (SELECT 1 FROM x)") ==
        std::vector<QualifiedName>{{"app", "users"}, {"", "orders"}, {"", "x"}});

  CHECK(regclass_name("public.\"Seq\"") == QualifiedName{"public", "Seq"});
  CHECK(regclass_name("My_Seq") == QualifiedName{"", "my_seq"});
  CHECK(nextval_arguments("nextval('public.t_id_seq'::regclass)") == Strings{"public.t_id_seq"});
  CHECK(nextval_arguments("(nextval('a') + nextval('b'))") == Strings{"a", "b"});
  CHECK(rewrite_nextval_arguments("nextval('public.t_id_seq'::regclass)",
                                  [](const std::string& s) { return s == "public.t_id_seq" ? "s2.t_id_seq" : s; }) ==
        "nextval('s2.t_id_seq'::regclass)");
}
