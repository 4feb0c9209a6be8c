#include "analyzer/rules/timeout_setting.h"

#include <cctype>

#include <fmt/format.h>

#include "analyzer/session_settings.h"

namespace migc {

bool timeout_in_force(const RuleContext& ctx, std::string_view name) {
  std::optional<std::string> value = ctx.setting(name);
  if (!value || *value == kDefaultSetting) return false;
  // "0", "0ms", "0s": disabled; anything else PostgreSQL accepts is a positive time.
  std::string_view v = *value;
  size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
  bool digits = false;
  for (; i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.'); ++i) {
    if (v[i] != '0' && v[i] != '.') return true;
    digits = true;
  }
  return !digits;
}

void require_timeout(RuleContext& ctx, LockMode at_least, const std::vector<std::string_view>& settings,
                     std::string_view risk, std::string_view help) {
  if (ctx.reported_in_migration()) return;
  const Hazard* lock = ctx.strongest_live_lock();
  if (!lock || *lock->lock < at_least) return;
  for (std::string_view s : settings)
    if (timeout_in_force(ctx, s)) return;
  std::string relation = display_name(*lock->relation);
  ctx.report(fmt::format("takes {} on {} ({}) with no {} set: {}", lock_mode_name(*lock->lock), relation,
                         lock_blocks(*lock->lock), settings.front(), fmt::format(fmt::runtime(risk), relation)),
             std::string(help));
}

}  // namespace migc
