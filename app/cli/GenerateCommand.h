#pragma once

#include <QStringList>

namespace Cli {

// True when the arguments ask for a headless command (`faultshare generate ...`).
bool isCommand(const QStringList& arguments);

// Runs `faultshare generate ...` inside an existing QCoreApplication (it runs the event
// loop itself); returns the process exit code: 0 ok, 2 invalid input or usage (nothing
// sent), 3 key missing or rejected, 4 rate limited, 5 network/TLS/timeout, 6 server
// error or invalid response.
int run(const QStringList& arguments);

} // namespace Cli
