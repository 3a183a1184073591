#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace TestSupport {

// Every regular file below dir (recursively) whose bytes contain needle, as paths.
// Used to prove that secrets never reach settings or anything under the test HOME.
QStringList filesContaining(const QString& dir, const QByteArray& needle);

} // namespace TestSupport
