#include "cli/cli.h"

int main(int argc, char** argv) { return migc::run_cli(argc, argv); }
