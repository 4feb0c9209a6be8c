// Placeholder until autodetection lands.
#include "compiler/detect.h"

namespace migc {

Detection detect_format(const std::filesystem::path&) {
  Detection d;
  d.format = Format::Plain;
  return d;
}

Diagnostic detection_failure(const Detection& d, const std::string& display_root) {
  return diagnostic_in(Severity::Error, display_root, d.reason);
}

}  // namespace migc
