#include "Logging.h"

namespace faultshare {

Q_LOGGING_CATEGORY(lcApi, "faultshare.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "faultshare.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcQr, "faultshare.qr", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDemo, "faultshare.demo", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "faultshare.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "faultshare.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModule, "faultshare.module", QtWarningMsg)

} // namespace faultshare
