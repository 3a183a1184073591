#pragma once

#include <QObject>
#include <QString>

class QLabel;

namespace faultshare {

// The window's inline error line: one sentence at a time, in the palette's error colour,
// announced to screen readers (the focus stays where it was). A message may name its
// cause, so that it goes when that cause does, and only if it is still the one shown.
class ErrorLine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorLine)

public:
    enum class Cause {
        Request,    // a link that could not be made; goes with the next link
        Connection, // what of the profile's connection cannot be used
        Hold,       // a rate limit's wait
    };

    // label: the .ui's label, hidden until there is something to say.
    explicit ErrorLine(QLabel& label, QObject* parent = nullptr);

    void show(const QString& message, Cause cause = Cause::Request);
    // Clears the line if it shows a message of cause.
    void clear(Cause cause);
    void clearAll();
    void updateColours();

private:
    QLabel& m_label;
    Cause m_cause = Cause::Request;
};

} // namespace faultshare
