// Options shared by the emitters.
#pragma once
#include <string>

namespace migc {

struct EmitOptions {
  bool rollback = true;                               // write rollback.sql
  bool track = false;                                 // tracking table, guarded migrations, advisory lock
  std::string track_table = "public.migc_migrations"; // where --track records applied migrations
};

}  // namespace migc
