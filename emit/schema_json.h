// The predicted schema as JSON, in the shape docs/SCHEMA_JSON.md defines: the same shape the
// snapshot of a real database is read into, so the two compare object by object.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analyzer/catalog.h"

namespace migc {

nlohmann::json schema_to_json(const Catalog& catalog);
// schema_to_json() printed with two-space indentation and a final newline.
std::string schema_json_text(const Catalog& catalog);

// A foreign key action (Constraint::on_delete / on_update code) as words: "cascade",
// "restrict", "set null", "set default"; "" for NO ACTION, the default.
std::string_view fk_action_words(std::string_view code);

}  // namespace migc
