#include "verify/libpq.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace migc {

namespace {

template <class Function>
void bind(void* library, const char* name, Function& out) {
  void* symbol = dlsym(library, name);
  if (!symbol) throw std::runtime_error(std::string("libpq has no ") + name + ": " + dlerror());
  out = reinterpret_cast<Function>(symbol);
}

Libpq load() {
  void* library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw std::runtime_error(std::string("verify needs libpq (Debian package libpq5): ") + dlerror());
  Libpq pq;
  bind(library, "PQconnectdb", pq.connectdb);
  bind(library, "PQstatus", pq.status);
  bind(library, "PQerrorMessage", pq.error_message);
  bind(library, "PQsetNoticeProcessor", pq.set_notice_processor);
  bind(library, "PQfinish", pq.finish);
  bind(library, "PQexec", pq.exec);
  bind(library, "PQresultStatus", pq.result_status);
  bind(library, "PQresultErrorMessage", pq.result_error_message);
  bind(library, "PQresultErrorField", pq.result_error_field);
  bind(library, "PQntuples", pq.ntuples);
  bind(library, "PQnfields", pq.nfields);
  bind(library, "PQgetisnull", pq.getisnull);
  bind(library, "PQgetvalue", pq.getvalue);
  bind(library, "PQclear", pq.clear);
  bind(library, "PQconninfoParse", pq.conninfo_parse);
  bind(library, "PQconninfoFree", pq.conninfo_free);
  bind(library, "PQfreemem", pq.freemem);
  bind(library, "PQping", pq.ping);
  return pq;  // the library stays loaded until the process ends
}

}  // namespace

const Libpq& libpq() {
  static const Libpq loaded = load();  // a failed load throws, and the next call tries again
  return loaded;
}

}  // namespace migc
