// Comparing two schemas in docs/SCHEMA_JSON.md's shape object by object: which objects exist
// on one side only, and for the others which fields differ.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace migc {

// The schema with every field at its default value left out (null, false, "", [], {}), at
// every depth, as the format says: both sides then agree on what is absent.
nlohmann::json without_defaults(nlohmann::json schema);

// How expressions (defaults, CHECKs, index predicates and expression keys, view queries,
// policy expressions, generated columns, partition bounds) are compared.
enum class ExpressionMatch {
  Text,      // both sides are a real catalog printed by the same server: compare the text
  Presence,  // the predicted side holds libpg_query's deparse: only present vs absent counts
};

// What each side is called in messages: "predicted" and "database", …
struct Sides {
  std::string left, right;
};

struct SchemaDifference {
  std::string object;                // "table auth.users", "index auth.users_email_key", …
  std::string only_in;               // the side that has the object, when only one has it
  std::vector<std::string> details;  // field by field, e.g. "column email: type: predicted text, database integer"
};

std::vector<SchemaDifference> compare_schemas(const nlohmann::json& left, const nlohmann::json& right,
                                              const Sides& sides, ExpressionMatch match);

// `actual` without the objects that were there before the migrations and stay unchanged
// (equal in `baseline`), unless `predicted` lists them too: what the setup or a new database
// brings (the public schema's comment, say) is not the model's to predict.
nlohmann::json without_preexisting(const nlohmann::json& actual, const nlohmann::json& baseline,
                                   const nlohmann::json& predicted);

// `actual` without what the prediction leaves open: the schema of an extension the prediction
// has none for (CREATE EXTENSION without SCHEMA: the extension's control file and the
// search_path decide, which the model does not know).
nlohmann::json without_open_fields(nlohmann::json actual, const nlohmann::json& predicted);

// A difference as lines for people ("table auth.users\n  column email: …\n") and as JSON.
std::string difference_text(const SchemaDifference& d);
nlohmann::json difference_json(const SchemaDifference& d);

}  // namespace migc
