#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QTcpSocket;

namespace TestSupport {

// Every regular file below dir (recursively) whose bytes contain needle, as paths.
// Used to prove that secrets never reach settings or anything under the test HOME.
QStringList filesContaining(const QString& dir, const QByteArray& needle);

// Relays what from receives to to, and closes to once from is closed: with pipe(a, b)
// and pipe(b, a) a test proxy never holds a half connection.
void pipe(QTcpSocket* from, QTcpSocket* to);

} // namespace TestSupport
