#include "analyzer/catalog_drop.h"

#include <catch2/catch.hpp>

#include "analyzer/qualified_text.h"
#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

const QualifiedName kStatus{"public", "status"};
const QualifiedName kUsers{"public", "users"};

struct Fixture {
  Catalog catalog;
  Session session;
  StatementAnalysis out;
  ReplayContext ctx{catalog, session, out, 1};
  NameMatch status = [](std::string_view text) { return names_object(text, kStatus); };

  Fixture() {
    Relation users;
    users.name = kUsers;
    for (const char* name : {"id", "state"}) {
      Column c;
      c.name = name;
      c.type = std::string(name) == "id" ? "integer" : "public.status";
      users.columns.push_back(c);
    }
    Trigger t;
    t.name = "trg";
    t.function = {"public", "on_status"};
    users.triggers.push_back(t);
    catalog.relations[kUsers] = users;
    Function f;
    f.name = {"public", "on_status"};
    f.returns = "public.status";
    catalog.functions[{f.name, ""}] = f;
    catalog.comments["table column public.users.state"] = "x";
    catalog.comments["trigger trg on public.users"] = "x";
  }
};

}  // namespace

TEST_CASE("type users are counted without changing anything", "[catalog-drop]") {
  Fixture f;
  CHECK(count_type_users(f.catalog, f.status) == 2);  // the column and the function
  CHECK(f.catalog.relation(kUsers)->columns.size() == 2);
}

TEST_CASE("dropping type users takes columns, functions and their triggers", "[catalog-drop]") {
  Fixture f;
  drop_type_users(f.status, f.ctx);
  CHECK(f.catalog.relation(kUsers)->columns.size() == 1);
  CHECK(f.catalog.functions.empty());
  CHECK(f.catalog.relation(kUsers)->triggers.empty());
  CHECK(f.catalog.comments.empty());
  const auto& refs = f.out.references;
  CHECK(std::count(refs.begin(), refs.end(), Reference{column_ref(kUsers, "state"), Access::Drop}) == 1);
  CHECK(std::count(refs.begin(), refs.end(), Reference{trigger_ref(kUsers, "trg"), Access::Drop}) == 1);
  CHECK(f.catalog.relation(kUsers)->provenance.changed_by == std::vector<uint32_t>{1});
}

TEST_CASE("drop_comments removes the keys that name something", "[catalog-drop]") {
  Fixture f;
  f.catalog.comments["type public.status"] = "x";
  drop_comments(f.catalog, f.status);
  CHECK(f.catalog.comments.size() == 2);
}
