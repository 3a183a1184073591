#include "Cli.h"

// faultshare history (to be written)
int Cli::runHistory(const QStringList& arguments)
{
    Q_UNUSED(arguments)
    printError(tr("faultshare history is not available yet."));
    return Usage;
}
