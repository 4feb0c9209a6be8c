#include "verify/connection.h"

namespace migc {

Connection::Connection(const std::string& conninfo) : conn_(conninfo) {}

std::string Connection::value(const std::string& sql) {
  pqxx::result r = exec(sql);
  return r.empty() || r[0][0].is_null() ? std::string() : r[0][0].c_str();
}

std::string conninfo_quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace migc
