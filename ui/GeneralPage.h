#pragma once

#include "ISettingsPage.h"

#include <QWidget>

#include <memory>

namespace Ui {
class GeneralPage;
}

namespace faultshare {

class Settings;


// The General tab: the default validity of new links (of the profile in use), how long a
// copied token stays on the clipboard, the expiry notifications, how long expired links
// stay in the history and the language. Saved on OK.
class GeneralPage final : public QWidget, public ISettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralPage)

public:
    explicit GeneralPage(Settings& settings, QWidget* parent = nullptr);
    ~GeneralPage() override;

    QWidget* widget() override { return this; }
    void setKeyMode(SettingsKeyMode) override {}
    void load() override;
    bool check() override { return true; }
    void save() override;

    // Shows the profile's default validity again (an import changed the profile in use).
    void loadDefaultMinutes();

private:
    void updateDefaultExpiryHint();

    const std::unique_ptr<Ui::GeneralPage> m_ui;
    Settings& m_settings;
};

} // namespace faultshare
