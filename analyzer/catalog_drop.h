// What DROP … CASCADE takes with it besides the object itself, as far as names tell: columns,
// composite attributes, domains and functions whose types name a dropped type (or anything in
// a dropped schema), and triggers that call a dropped function. Each removal records a Drop
// reference and takes the object's comments with it.
#pragma once
#include <functional>
#include <string_view>

#include "analyzer/replay.h"

namespace migc {

// Whether a stored type text (or argument list, or comment key) names what is dropped.
using NameMatch = std::function<bool(std::string_view text)>;

// How many objects drop_type_users() would remove (PostgreSQL refuses without CASCADE).
size_t count_type_users(const Catalog& catalog, const NameMatch& names);
void drop_type_users(const NameMatch& names, ReplayContext& ctx);
void drop_triggers_calling(const QualifiedName& function, ReplayContext& ctx);
// Removes every comment whose key `names` matches.
void drop_comments(Catalog& catalog, const NameMatch& names);

}  // namespace migc
