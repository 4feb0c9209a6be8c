#include "verify/schema_diff.h"

#include <algorithm>
#include <map>

namespace migc {

using nlohmann::json;

namespace {

struct Section {
  const char* key;
  const char* noun;
};
constexpr Section kSections[] = {{"schemas", "schema"},     {"extensions", "extension"}, {"tables", "table"},
                                 {"indexes", "index"},      {"sequences", "sequence"},   {"views", "view"},
                                 {"functions", "function"}, {"types", "type"},           {"comments", "comment on"}};

// Lists of named parts inside an object, matched by name; in some the order is part of the schema.
struct NamedList {
  const char* key;
  const char* noun;
  bool ordered;
};
constexpr NamedList kNamedLists[] = {{"columns", "column", true},
                                     {"attributes", "attribute", true},
                                     {"constraints", "constraint", false},
                                     {"triggers", "trigger", false},
                                     {"policies", "policy", false}};

constexpr const char* kExpressionFields[] = {"default", "generated", "expression",      "predicate",
                                             "query",   "using",     "check",           "partition_bound"};

bool is_empty_value(const json& v) {
  return v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
         ((v.is_array() || v.is_object()) && v.empty());
}

std::string name_of(const json& object) { return object.value("name", ""); }

// "table auth.users", "materialized view analytics.stats", "procedure app.p(…)", "enum type …".
std::string object_label(const Section& s, const json& object) {
  std::string key = s.key, noun = s.noun;
  if (key == "tables") noun = object.value("kind", "table");
  if (key == "views" && object.value("materialized", false)) noun = "materialized view";
  if (key == "functions") noun = object.value("kind", "function");
  if (key == "types" && object.contains("kind")) noun = object["kind"].get<std::string>() + " type";
  return noun + " " + name_of(object);
}

const NamedList* named_list(const std::string& key, const json* l, const json* r) {
  auto of_objects = [](const json* v) { return v && v->is_array() && !v->empty() && v->front().is_object(); };
  if (!of_objects(l) && !of_objects(r)) return nullptr;
  for (const auto& n : kNamedLists)
    if (key == n.key) return &n;
  return nullptr;
}

bool is_expression_field(const std::string& key) {
  return std::any_of(std::begin(kExpressionFields), std::end(kExpressionFields),
                     [&](const char* f) { return key == f; });
}

// An index key that is an expression rather than a column: "lower(email)", "(a + b) DESC".
bool is_expression_key(const json& key) {
  return key.is_string() && key.get_ref<const std::string&>().find('(') != std::string::npos;
}

std::string shown(const json* v) {
  if (!v) return "(absent)";
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

class Comparer {
 public:
  Comparer(const Sides& sides, ExpressionMatch match) : sides_(sides), match_(match) {}

  void fields(const json& l, const json& r, const std::string& prefix, std::vector<std::string>& out) const {
    std::map<std::string, std::pair<const json*, const json*>> keys;
    for (auto it = l.begin(); it != l.end(); ++it) keys[it.key()].first = &*it;
    for (auto it = r.begin(); it != r.end(); ++it) keys[it.key()].second = &*it;
    for (const auto& [key, values] : keys) {
      auto [lv, rv] = values;
      if (key == "name") continue;
      if (const NamedList* list = named_list(key, lv, rv)) {
        named(lv, rv, *list, prefix, out);
      } else if (lv && rv && lv->is_object() && rv->is_object()) {
        fields(*lv, *rv, prefix + key + ".", out);
      } else if (!same(key, lv, rv)) {
        out.push_back(prefix + key + ": " + sides_.left + " " + shown(lv) + ", " + sides_.right + " " + shown(rv));
      }
    }
  }

 private:
  bool same(const std::string& key, const json* l, const json* r) const {
    if (match_ == ExpressionMatch::Presence) {
      if (is_expression_field(key)) return !l == !r;
      if (key == "keys" && l && r && l->is_array() && r->is_array() && l->size() == r->size()) {
        for (size_t i = 0; i < l->size(); ++i)
          if ((*l)[i] != (*r)[i] && !(is_expression_key((*l)[i]) && is_expression_key((*r)[i]))) return false;
        return true;
      }
    }
    return l && r ? *l == *r : !l && !r;
  }

  void named(const json* l, const json* r, const NamedList& list, const std::string& prefix,
             std::vector<std::string>& out) const {
    static const json none = json::array();
    const json& left = l && l->is_array() ? *l : none;
    const json& right = r && r->is_array() ? *r : none;
    std::map<std::string, const json*> right_by_name;
    for (const auto& item : right) right_by_name[name_of(item)] = &item;
    std::vector<std::string> left_common, right_common;
    for (const auto& item : left) {
      std::string name = name_of(item);
      std::string label = prefix + list.noun + " " + name;
      auto it = right_by_name.find(name);
      if (it == right_by_name.end()) {
        out.push_back(label + ": only in " + sides_.left);
        continue;
      }
      left_common.push_back(name);
      fields(item, *it->second, label + ": ", out);
    }
    std::map<std::string, bool> in_left;
    for (const auto& item : left) in_left[name_of(item)] = true;
    for (const auto& item : right) {
      std::string name = name_of(item);
      if (!in_left.count(name)) out.push_back(prefix + list.noun + " " + name + ": only in " + sides_.right);
      else right_common.push_back(name);
    }
    if (list.ordered && left_common != right_common)
      out.push_back(prefix + list.noun + " order: " + sides_.left + " " + joined_names(left_common) + "; " +
                    sides_.right + " " + joined_names(right_common));
  }

  const Sides& sides_;
  ExpressionMatch match_;
};

std::map<std::string, const json*> by_name(const json& schema, const char* section) {
  std::map<std::string, const json*> out;
  if (auto it = schema.find(section); it != schema.end() && it->is_array())
    for (const auto& object : *it) out[name_of(object)] = &object;
  return out;
}

}  // namespace

json without_defaults(json schema) {
  if (schema.is_array()) {
    for (auto& item : schema) item = without_defaults(std::move(item));
  } else if (schema.is_object()) {
    json out = json::object();
    for (auto it = schema.begin(); it != schema.end(); ++it) {
      json value = without_defaults(std::move(it.value()));
      if (!is_empty_value(value)) out[it.key()] = std::move(value);
    }
    return out;
  }
  return schema;
}

std::vector<SchemaDifference> compare_schemas(const json& left, const json& right, const Sides& sides,
                                              ExpressionMatch match) {
  Comparer comparer(sides, match);
  std::vector<SchemaDifference> out;
  for (const Section& s : kSections) {
    auto l = by_name(left, s.key), r = by_name(right, s.key);
    std::map<std::string, std::pair<const json*, const json*>> names;
    for (const auto& [name, object] : l) names[name].first = object;
    for (const auto& [name, object] : r) names[name].second = object;
    for (const auto& [name, objects] : names) {
      auto [lo, ro] = objects;
      SchemaDifference d;
      d.object = object_label(s, lo ? *lo : *ro);
      if (!lo || !ro) {
        d.only_in = lo ? sides.left : sides.right;
      } else {
        comparer.fields(*lo, *ro, "", d.details);
        if (d.details.empty()) continue;
      }
      out.push_back(std::move(d));
    }
  }
  return out;
}

json without_preexisting(const json& actual, const json& baseline, const json& predicted) {
  json out = actual;
  for (const Section& s : kSections) {
    auto it = out.find(s.key);
    if (it == out.end() || !it->is_array()) continue;
    auto before = by_name(baseline, s.key), expected = by_name(predicted, s.key);
    json kept = json::array();
    for (auto& object : *it) {
      auto b = before.find(name_of(object));
      bool unchanged = b != before.end() && *b->second == object;
      if (!unchanged || expected.count(name_of(object))) kept.push_back(std::move(object));
    }
    *it = std::move(kept);
  }
  return without_defaults(std::move(out));
}

json without_open_fields(json actual, const json& predicted) {
  auto expected = by_name(predicted, "extensions");
  if (auto it = actual.find("extensions"); it != actual.end() && it->is_array())
    for (auto& extension : *it)
      if (auto e = expected.find(name_of(extension)); e != expected.end() && !e->second->contains("schema"))
        extension.erase("schema");
  return actual;
}

std::string difference_text(const SchemaDifference& d) {
  if (!d.only_in.empty()) return d.object + ": only in " + d.only_in + "\n";
  std::string out = d.object + "\n";
  for (const auto& line : d.details) out += "  " + line + "\n";
  return out;
}

json difference_json(const SchemaDifference& d) {
  json j = {{"object", d.object}};
  if (!d.only_in.empty()) j["only_in"] = d.only_in;
  else j["details"] = d.details;
  return j;
}

}  // namespace migc
