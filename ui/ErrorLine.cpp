#include "ErrorLine.h"

#include "Presentation.h"

#include <QAccessible>
#include <QLabel>

namespace faultshare {

ErrorLine::ErrorLine(QLabel& label, QObject* parent)
    : QObject(parent)
    , m_label(label)
{
    m_label.hide();
}

void ErrorLine::show(const QString& message, Cause cause)
{
    if (message.isEmpty()) {
        clear(cause);
        return;
    }
    m_cause = cause;
    Presentation::setTextColour(&m_label, Presentation::errorColour(m_label.parentWidget()->palette()));
    m_label.setText(message);
    m_label.show();
    QAccessibleEvent alert(&m_label, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ErrorLine::clear(Cause cause)
{
    if (m_cause == cause)
        clearAll();
}

void ErrorLine::clearAll()
{
    m_label.clear();
    m_label.hide();
}

void ErrorLine::updateColours()
{
    if (!m_label.text().isEmpty())
        Presentation::setTextColour(&m_label, Presentation::errorColour(m_label.parentWidget()->palette()));
}

} // namespace faultshare
