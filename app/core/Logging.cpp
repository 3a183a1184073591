#include "Logging.h"

Q_LOGGING_CATEGORY(lcApi, "faultshare.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "faultshare.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQr, "faultshare.qr", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "faultshare.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "faultshare.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "faultshare.cli", QtInfoMsg)
