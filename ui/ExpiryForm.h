#pragma once

#include "ExpiryInput.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class ExpiryForm;
}

namespace faultshare {

class Ticker;


// How long a new link works: a preset, a custom value and unit, or "until" a local date
// and time, with the inline check of that choice. The window decides what the choice
// enables (Generate); this form only says whether it is usable.
class ExpiryForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpiryForm)

public:
    // ticker: "now" for "until" and for the hint's end time (the window's clock).
    explicit ExpiryForm(const Ticker& ticker, QWidget* parent = nullptr);
    ~ExpiryForm() override;

    // The validity the form holds now: a preset, Custom (value and unit) or Until (a local
    // date and time in the system zone, counted from the ticker's clock).
    ExpiryInput::ExpiryChoice choice() const;
    std::optional<int> selectedMinutes() const;

    // The default validity: a preset when one matches, else Custom in the largest unit
    // that divides it. Clamped to what the API takes.
    void applyDefault(int minutes);
    // Checks the choice again (the clock moved, or "until" may have passed) and says so.
    void validate();
    // While a request runs the choice is fixed.
    void setBusy(bool busy);
    // Focus on the first field (the preset). Not a focus proxy: the form itself is no
    // stop of the Tab order, only its fields are.
    void focusChoice();

    // The form's rows line up with the window's rows around it (one label column).
    int labelWidth() const;
    void setLabelWidth(int width);
    // Its fields follow previous in the Tab order (the form is built after the window's).
    void setTabOrderAfter(QWidget* previous);

Q_SIGNALS:
    // The choice changed, or its check did (validate()).
    void validityChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onPresetChanged();
    int preset() const;

    const std::unique_ptr<Ui::ExpiryForm> m_ui;
    const Ticker& m_ticker;
    bool m_busy = false;
};

} // namespace faultshare
