#pragma once

#include <QtGlobal>

class QWidget;

namespace faultshare {

// Where the window's key comes from, which decides what the Settings pages may change:
// the keychain (Stored), the environment (Session: this run only) or the demo server
// (Demo: nothing of the connection or the key).
enum class SettingsKeyMode { Stored, Session, Demo };

// One page of the Settings dialog (KeePassXC's ISettingsPage): the dialog places its
// widget and takes every page through OK. What a page does at once (a key replaced, a
// profile removed) it does itself and says with its own signals.
class ISettingsPage
{
public:
    virtual ~ISettingsPage() = default;

    virtual QWidget* widget() = 0;
    virtual void setKeyMode(SettingsKeyMode mode) = 0;
    // Shows the settings in effect.
    virtual void load() = 0;
    // Whether the fields can be saved; when not, says why beside the field and focuses it.
    virtual bool check() = 0;
    // Writes the fields to the settings, once every page's check() passed.
    virtual void save() = 0;

protected:
    ISettingsPage() = default;
    Q_DISABLE_COPY_MOVE(ISettingsPage)
};

} // namespace faultshare
