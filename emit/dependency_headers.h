// Rewrites the dependency declaration of a yoyo (or MigChain) migration file: the
// `-- depends:` header line of a .sql file, the `__depends__ = {…}` assignment of a .py file.
// Everything else in the file stays byte for byte, line endings included.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace migc {

// `path` decides the kind (".py" or SQL). An empty `ids` removes the declaration.
std::string with_yoyo_depends(std::string_view path, std::string_view text, const std::vector<std::string>& ids);

}  // namespace migc
