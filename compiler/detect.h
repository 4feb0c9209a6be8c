// Format autodetection (formats.md §13): signals per format, precedence, and, when no single
// format wins, the candidates with the evidence for each.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostic.h"
#include "compiler/ir.h"

namespace migc {

struct Candidate {
  Format format;
  std::vector<std::string> evidence;  // e.g. "20240101_x.sql:1: -- +goose Up"
};

struct Detection {
  std::optional<Format> format;       // set when one format wins
  std::vector<Candidate> candidates;  // every format with a signal, winner first
  std::string reason;                 // why nothing won (ambiguous, no migrations, …)
};

Detection detect_format(const std::filesystem::path& root);

// The exit-2 error for a directory whose format cannot be decided.
Diagnostic detection_failure(const Detection& d, const std::string& display_root);

}  // namespace migc
