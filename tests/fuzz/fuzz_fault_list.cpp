// libFuzzer target: the 200 body of GET /fault/token/{token}, as Fault::parseList reads it.
#include "Fault.h"
#include "FaultModel.h"
#include "FuzzCheck.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

using namespace faultshare;

namespace {

// Shown in a table cell or tooltip: bounded, one clean line.
void checkText(const QString& text, int maxLength)
{
    FUZZ_CHECK(text.size() <= maxLength);
    FUZZ_CHECK(FuzzCheck::isOneCleanLine(text));
    for (const QChar c : text)
        FUZZ_CHECK(!(c.unicode() >= 0x202a && c.unicode() <= 0x202e) && !(c.unicode() >= 0x2066 && c.unicode() <= 0x2069));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString whyNot;
    const auto list = Fault::parseList(body, &whyNot);
    if (!list) {
        // The reason ends up in an error sentence: short, fixed, one line.
        FUZZ_CHECK(!whyNot.isEmpty() && whyNot.size() < 120 && FuzzCheck::isOneCleanLine(whyNot));
        return 0;
    }
    // One unreadable entry never costs the others: every entry is kept or counted.
    const QList<Fault>* faults = &list->faults;
    FUZZ_CHECK(list->unreadable >= 0);
    int total = 0;
    for (const Fault& fault : *faults) {
        FUZZ_CHECK(!fault.id.isEmpty() || !fault.message.isEmpty());
        FUZZ_CHECK(!fault.createdAt.isValid() || fault.createdAt.timeSpec() == Qt::UTC);
        FUZZ_CHECK(!fault.resolvedAt.isValid() || fault.resolvedAt.timeSpec() == Qt::UTC);
        for (const QString& text : {fault.id, fault.type, fault.status, fault.severityText, fault.resourceId,
                                    fault.customerId, fault.microserviceId})
            checkText(text, 200);
        for (const QString& text : {fault.message, fault.cause, fault.ancestryPath, fault.site(), fault.device()})
            checkText(text, Fault::MaxTextLength);
        for (const FaultComment& comment : fault.comments) {
            checkText(comment.userId, 200);
            checkText(comment.comment, Fault::MaxTextLength);
        }
    }
    const QMap<Fault::Severity, int> counts = Fault::countBySeverity(*faults);
    for (const int count : counts)
        total += count;
    FUZZ_CHECK(counts.size() == 6 && total == faults->size());

    // The table over the list: every row readable, unresolved first, then most severe.
    FaultModel model;
    model.setFaults(*faults);
    FUZZ_CHECK(model.rowCount() == faults->size());
    FUZZ_CHECK(model.activeCount() + model.resolvedCount() == model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < FaultModel::ColumnCount; ++column)
            FUZZ_CHECK(FuzzCheck::isOneCleanLine(model.index(row, column).data().toString()));
        if (row > 0)
            FUZZ_CHECK(!Fault::showsBefore(model.faultAt(row), model.faultAt(row - 1)));
        FUZZ_CHECK(FuzzCheck::isOneCleanLine(FaultModel::details(model.faultAt(row)).split(QLatin1Char('\n')).first()));
    }
    return 0;
}
