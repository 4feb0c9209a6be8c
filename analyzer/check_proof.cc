#include "analyzer/check_proof.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "analyzer/sql_tree.h"

namespace migc {

namespace {

using Fact = CheckFacts::Fact;
using Op = CheckFacts::Op;
using Value = CheckFacts::Value;

std::optional<std::string> column_of(const PgQuery__Node* n) {
  if (!n || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
  const PgQuery__ColumnRef* ref = n->column_ref;
  if (ref->n_fields == 0 || ref->fields[ref->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_STRING)
    return std::nullopt;
  return std::string(ref->fields[ref->n_fields - 1]->string->sval);
}

// A literal, seen through casts ('2024-01-01'::date is the literal '2024-01-01').
std::optional<Value> constant_of(const PgQuery__Node* n) {
  while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) n = n->type_cast->arg;
  if (!n || n->node_case != PG_QUERY__NODE__NODE_A_CONST || n->a_const->isnull) return std::nullopt;
  const PgQuery__AConst* c = n->a_const;
  switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: return Value{true, static_cast<double>(c->ival->ival), ""};
    case PG_QUERY__A__CONST__VAL_FVAL: return Value{true, std::strtod(c->fval->fval, nullptr), ""};
    case PG_QUERY__A__CONST__VAL_SVAL: return Value{false, 0, c->sval->sval};
    case PG_QUERY__A__CONST__VAL_BOOLVAL: return Value{false, 0, c->boolval->boolval ? "true" : "false"};
    default: return std::nullopt;
  }
}

std::optional<std::vector<Value>> constants_of(const PgQuery__Node* list) {
  if (!list || list->node_case != PG_QUERY__NODE__NODE_LIST) return std::nullopt;
  std::vector<Value> values;
  for (size_t i = 0; i < list->list->n_items; ++i) {
    auto v = constant_of(list->list->items[i]);
    if (!v) return std::nullopt;
    values.push_back(*v);
  }
  return values;
}

std::optional<Op> comparison(std::string_view name, bool flipped) {
  if (name == "=") return Op::Eq;
  if (name == "<") return flipped ? Op::Gt : Op::Lt;
  if (name == "<=") return flipped ? Op::Ge : Op::Le;
  if (name == ">") return flipped ? Op::Lt : Op::Gt;
  if (name == ">=") return flipped ? Op::Le : Op::Ge;
  return std::nullopt;
}

void collect_facts(const PgQuery__Node* n, std::vector<Fact>& out) {
  if (!n) return;
  if (n->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR) {
    if (n->bool_expr->boolop != PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) return;
    for (size_t i = 0; i < n->bool_expr->n_args; ++i) collect_facts(n->bool_expr->args[i], out);
    return;
  }
  if (n->node_case == PG_QUERY__NODE__NODE_NULL_TEST) {
    auto column = column_of(n->null_test->arg);
    if (column && n->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL)
      out.push_back({*column, Op::NotNull, {}});
    return;
  }
  if (n->node_case != PG_QUERY__NODE__NODE_A_EXPR) return;
  const PgQuery__AExpr* e = n->a_expr;
  auto names = string_list(e->name, e->n_name);
  if (names.size() != 1) return;
  auto column = column_of(e->lexpr);
  if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP) {
    bool flipped = !column;
    if (flipped) column = column_of(e->rexpr);
    auto value = constant_of(flipped ? e->lexpr : e->rexpr);
    auto op = comparison(names[0], flipped);
    if (column && value && op) out.push_back({*column, *op, {*value}});
  } else if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN && names[0] == "=") {
    auto values = constants_of(e->rexpr);
    if (column && values) out.push_back({*column, Op::In, *values});
  } else if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN) {
    auto values = constants_of(e->rexpr);
    if (column && values && values->size() == 2) {
      out.push_back({*column, Op::Ge, {(*values)[0]}});
      out.push_back({*column, Op::Le, {(*values)[1]}});
    }
  }
}

// Sign of a - b when it is known.
std::optional<int> compare(const Value& a, const Value& b) {
  if (a.number && b.number) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  if (!a.number && !b.number && a.text == b.text) return 0;
  return std::nullopt;
}

bool is_bound_keyword(const PgQuery__Node* datum, std::string_view keyword) {
  auto column = column_of(datum);
  return column && *column == keyword;
}

// Whether every value the fact allows satisfies `ok` (a test on compare(value, bound)).
template <class Ok>
bool values_within(const Fact& f, const Value& bound, Ok ok) {
  return std::all_of(f.values.begin(), f.values.end(), [&](const Value& v) {
    auto c = compare(v, bound);
    return c && ok(*c);
  });
}

bool above_lower(const Fact& f, const Value& lo) {
  if (f.op == Op::Ge || f.op == Op::Gt || f.op == Op::Eq || f.op == Op::In)
    return values_within(f, lo, [](int c) { return c >= 0; });
  return false;
}

bool below_upper(const Fact& f, const Value& hi) {
  if (f.op == Op::Lt) return values_within(f, hi, [](int c) { return c <= 0; });
  if (f.op == Op::Le || f.op == Op::Eq || f.op == Op::In) return values_within(f, hi, [](int c) { return c < 0; });
  return false;
}

}  // namespace

CheckFacts::CheckFacts(const Relation& table) {
  for (const Column& c : table.columns)
    if (c.not_null) facts_.push_back({c.name, Op::NotNull, {}});
  for (const Constraint& c : table.constraints) {
    if (c.type != 'c' || !c.validated) continue;
    SqlExpression parsed(c.expression);
    collect_facts(parsed.expr(), facts_);
  }
}

bool CheckFacts::proves_not_null(std::string_view column) const {
  return std::any_of(facts_.begin(), facts_.end(),
                     [&](const Fact& f) { return f.column == column && f.op == Op::NotNull; });
}

bool CheckFacts::proves_bound(const std::vector<std::string>& key, const PgQuery__PartitionBoundSpec& bound) const {
  if (key.size() != 1 || bound.is_default) return false;
  const std::string& column = key[0];
  auto any_fact = [&](auto test) {
    return std::any_of(facts_.begin(), facts_.end(), [&](const Fact& f) { return f.column == column && test(f); });
  };
  std::string_view strategy = bound.strategy ? bound.strategy : "";
  if (strategy == "l") {
    std::vector<Value> allowed;
    bool allows_null = false;
    for (size_t i = 0; i < bound.n_listdatums; ++i) {
      const PgQuery__Node* d = bound.listdatums[i];
      if (d->node_case == PG_QUERY__NODE__NODE_A_CONST && d->a_const->isnull) {
        allows_null = true;
        continue;
      }
      auto v = constant_of(d);
      if (!v) return false;
      allowed.push_back(*v);
    }
    if (!allows_null && !proves_not_null(column)) return false;
    return any_fact([&](const Fact& f) {
      if (f.op != Op::Eq && f.op != Op::In) return false;
      return std::all_of(f.values.begin(), f.values.end(), [&](const Value& v) {
        return std::any_of(allowed.begin(), allowed.end(), [&](const Value& a) { return compare(v, a) == 0; });
      });
    });
  }
  if (strategy != "r" || bound.n_lowerdatums != 1 || bound.n_upperdatums != 1) return false;
  // A range partition's constraint includes key IS NOT NULL, whatever its bounds.
  if (!proves_not_null(column)) return false;
  const PgQuery__Node* lower = bound.lowerdatums[0];
  const PgQuery__Node* upper = bound.upperdatums[0];
  bool lower_ok = is_bound_keyword(lower, "minvalue");
  if (!lower_ok) {
    auto lo = constant_of(lower);
    lower_ok = lo && any_fact([&](const Fact& f) { return above_lower(f, *lo); });
  }
  bool upper_ok = is_bound_keyword(upper, "maxvalue");
  if (!upper_ok) {
    auto hi = constant_of(upper);
    upper_ok = hi && any_fact([&](const Fact& f) { return below_upper(f, *hi); });
  }
  return lower_ok && upper_ok;
}

std::vector<std::string> partition_key_columns(std::string_view partition_key) {
  size_t open = partition_key.find('('), close = partition_key.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  std::string_view inner = partition_key.substr(open + 1, close - open - 1);
  std::vector<std::string> columns;
  while (true) {
    size_t comma = inner.find(',');
    std::string_view part = inner.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      std::string name;
      for (size_t i = 1; i + 1 < part.size(); ++i) {
        name += part[i];
        if (part[i] == '"') ++i;  // "" inside quotes is one quote
      }
      columns.push_back(name);
    } else {
      bool plain = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
      });
      if (!plain) return {};
      columns.emplace_back(part);
    }
    if (comma == std::string_view::npos) break;
    inner.remove_prefix(comma + 1);
  }
  return columns;
}

}  // namespace migc
