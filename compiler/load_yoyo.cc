// yoyo (formats.md §1): the `.sql` and `.py` files directly in the root, in sorted order, each a
// migration whose id is its file name without the extension. Dependencies come from
// `-- depends:` / `__depends__`; the planner orders by them, breaking ties by this order.
#include "compiler/loader.h"
#include "compiler/yoyo_migration.h"

namespace migc {

void load_yoyo(LoadContext& ctx) {
  read_yoyo_source(ctx, "");
  check_yoyo_depends(ctx.set());
}

}  // namespace migc
