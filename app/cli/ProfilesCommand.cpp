#include "Cli.h"

// faultshare profiles (to be written)
int Cli::runProfiles(const QStringList& arguments)
{
    Q_UNUSED(arguments)
    printError(tr("faultshare profiles is not available yet."));
    return Usage;
}
