#include "compiler/ir.h"

#include <array>

namespace migc {

namespace {
struct FormatName {
  Format format;
  std::string_view name;
};
constexpr std::array<FormatName, 12> kFormatNames{{
    {Format::Plain, "plain"},
    {Format::Yoyo, "yoyo"},
    {Format::MigChain, "migchain"},
    {Format::Migretti, "migretti"},
    {Format::Dbmate, "dbmate"},
    {Format::GolangMigrate, "golang-migrate"},
    {Format::Goose, "goose"},
    {Format::Flyway, "flyway"},
    {Format::Diesel, "diesel"},
    {Format::Pop, "pop"},
    {Format::Prisma, "prisma"},
    {Format::HyperDjango, "hyperdjango"},
}};
}  // namespace

std::string_view format_name(Format f) {
  for (const auto& fn : kFormatNames)
    if (fn.format == f) return fn.name;
  return "?";
}

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& fn : kFormatNames)
    if (fn.name == name) return fn.format;
  return std::nullopt;
}

const std::vector<Format>& all_formats() {
  static const std::vector<Format> formats = [] {
    std::vector<Format> v;
    for (const auto& fn : kFormatNames) v.push_back(fn.format);
    return v;
  }();
  return formats;
}

bool order_from_graph(Format f) { return f == Format::Yoyo || f == Format::MigChain; }

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::Schema: return "schema";
    case Kind::Seed: return "seed";
    case Kind::Repeatable: return "repeatable";
    case Kind::Baseline: return "baseline";
    case Kind::Callback: return "callback";
    case Kind::PostApply: return "post-apply";
  }
  return "schema";
}

std::string_view tx_mode_name(TxMode t) {
  switch (t) {
    case TxMode::Transaction: return "transaction";
    case TxMode::None: return "none";
    case TxMode::Implicit: return "implicit";
  }
  return "transaction";
}

}  // namespace migc
