#pragma once

#include <QStringList>

namespace Cli {

// True when the arguments ask for a headless command ("generate", "--help" of one).
bool isCommand(const QStringList& arguments);

// Runs `faultshare generate ...` inside an existing QCoreApplication; returns the
// process exit code (0 ok, 2 usage, 3 key, 4 rate limit, 5 network, 6 server).
int run(const QStringList& arguments);

} // namespace Cli
