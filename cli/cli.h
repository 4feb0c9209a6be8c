// The migc command line: a thin layer over the stage libraries.
#pragma once

namespace migc {

// Runs one migc command; returns the process exit code (0 clean, 1 findings/stale, 2 bad input).
int run_cli(int argc, char** argv);

}  // namespace migc
