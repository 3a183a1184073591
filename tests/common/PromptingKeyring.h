#pragma once

// A desktop whose keychain asks and nobody answers, from real parts: a private Xvfb
// display, a private D-Bus session bus (dbus-daemon) that D-Bus-activates gcr-prompter
// on that display, and gnome-keyring. A keychain read or write then waits for a password
// typed into a window nobody looks at: what a wall-display box after autologin does, or
// a shell on an X display whose autolaunched keyring has no collection yet.
//
// Every process of the rig, activated ones included, is in one process group of its own
// (Xvfb leads it), and stop() ends the whole group. The directly started ones also die
// with the test process (PR_SET_PDEATHSIG); activated ones leave when their bus does.
//
// Needs Xvfb (xvfb), dbus-daemon (dbus), gnome-keyring-daemon (gnome-keyring) and
// gcr-prompter (gcr), which scripts/test installs. A missing one is a start() failure
// that names the package, never a silent skip.

#include <QDBusConnection>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <sys/types.h>

namespace TestSupport {

class PromptingKeyring final
{
    Q_DISABLE_COPY_MOVE(PromptingKeyring)

public:
    enum class Kind {
        // gnome-keyring started with --unlock: a "login" collection, the default, that
        // the test fills (storeKeychainEntry, or clients) and then locks. Reading or
        // storing anything then asks, on the display, for the password to unlock it.
        Locked,
        // Nothing started but the bus: the first client D-Bus-activates gnome-keyring
        // (as the service file says), which has no collection at all. Storing anything
        // asks, on the display, for the password of a new "Default keyring".
        NoCollection,
    };

    explicit PromptingKeyring(Kind kind);
    ~PromptingKeyring();

    // Starts the display, the bus and (Locked) the keyring daemon, and checks each.
    // false: error() says what failed, with the rig's diagnostics.
    bool start();
    QString error() const { return m_error; }
    // For QFAIL: "rig: <the first line of error()>", after logging all of it.
    QByteArray failure() const;

    // The HOME of the rig: gnome-keyring keeps its keyrings in its .local/share, and a
    // client given this HOME (TestSupport::isolatedEnvironment) uses that same keyring.
    QString home() const;
    // base plus what a process on this desktop has: DISPLAY, DBUS_SESSION_BUS_ADDRESS and
    // XDG_RUNTIME_DIR of the rig; desktop hints that would pick another keychain, and the
    // outer keyring's variables, removed.
    QProcessEnvironment environment(QProcessEnvironment base) const;

    // Locked, before lock(): stores secret in the login collection under QtKeychain's
    // libsecret attributes (xdg:schema org.qt.keychain, user=entry, server=service,
    // type=plaintext), where CredentialStore(service).read(entry) finds it.
    bool storeKeychainEntry(const QString& service, const QString& entry, const QString& secret);
    // Locked: locks the login collection (org.freedesktop.Secret.Service.Lock, as a screen
    // locker or `secret-tool lock` does) and checks that it is locked.
    bool lock();
    std::optional<bool> isLoginLocked();

    // Proof that this rig prompts and that nobody answers: asks gnome-keyring to create a
    // collection (which needs a password; NoCollection: this D-Bus-activates the daemon),
    // shows that prompt, waits until gcr-prompter serves it on the rig's display, then
    // dismisses it and checks that nothing changed (Locked: login still locked).
    // false: error() says why.
    bool promptShows();
    // Whether gcr-prompter is on the rig's bus (a prompt is, or was just, on the display).
    bool prompterRunning();

    // The rig's state for a failure message: display, bus names with their processes,
    // the processes of the group, collections, and the daemons' last output.
    QString diagnostics();

    // Ends every process of the rig (SIGTERM to the group, then SIGKILL) and returns those
    // still alive afterwards ("pid name"): empty unless something escaped.
    QStringList stop();

private:
    bool fail(const QString& why);
    bool startDisplay();
    bool startBus();
    bool startKeyringDaemon();
    bool nameHasOwner(const QString& name);
    QStringList liveGroupMembers() const;
    QProcessEnvironment daemonEnvironment() const;

    Kind m_kind;
    QTemporaryDir m_root;
    QString m_error;
    QString m_display;
    QString m_busAddress;
    QString m_connectionName;
    pid_t m_group = 0;
    std::unique_ptr<QProcess> m_xvfb;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
};

} // namespace TestSupport
