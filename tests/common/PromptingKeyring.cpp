#include "PromptingKeyring.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The Secret Service's secret struct (oayays).
struct RigSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument& operator<<(QDBusArgument& argument, const RigSecret& secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, RigSecret& secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(RigSecret)

namespace TestSupport {

namespace {

// Generous for a loaded machine: each is a wait for a daemon to come up, never a verdict
// on the product.
constexpr int StartMs = 20000;
constexpr int CallMs = 10000;

const QString Secrets = u"org.freedesktop.secrets"_s;
const QString ServicePath = u"/org/freedesktop/secrets"_s;
const QString ServiceInterface = u"org.freedesktop.Secret.Service"_s;
const QString CollectionInterface = u"org.freedesktop.Secret.Collection"_s;
const QString PromptInterface = u"org.freedesktop.Secret.Prompt"_s;
const QString LoginPath = u"/org/freedesktop/secrets/collection/login"_s;
// gnome-keyring asks gcr's system prompter; the private one serves other clients.
const QStringList PrompterNames{u"org.gnome.keyring.SystemPrompter"_s, u"org.gnome.keyring.PrivatePrompter"_s};
// Hints that make QtKeychain pick KWallet, and the variables of the keyring and display
// this process may have been started with.
const QStringList ForeignVariables{u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s,          u"WAYLAND_DISPLAY"_s,
                                   u"XAUTHORITY"_s,                u"GNOME_KEYRING_CONTROL"_s, u"XDG_CURRENT_DESKTOP"_s,
                                   u"DESKTOP_SESSION"_s,           u"KDE_FULL_SESSION"_s,     u"KDE_SESSION_VERSION"_s,
                                   u"GNOME_DESKTOP_SESSION_ID"_s,  u"SSH_AUTH_SOCK"_s};

QString tailOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"(no log)"_s;
    constexpr qint64 Tail = 1500;
    if (file.size() > Tail)
        file.seek(file.size() - Tail);
    const QString text = QString::fromLocal8Bit(file.readAll()).trimmed();
    return text.isEmpty() ? u"(empty)"_s : text;
}

// Reads from process's standard output until a whole line came, the process ended or
// the time is up; the line without its newline, or empty.
QByteArray firstLine(QProcess& process)
{
    QByteArray read;
    QDeadlineTimer deadline(StartMs);
    while (!read.contains('\n') && !deadline.hasExpired()) {
        if (!process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        read += process.readAllStandardOutput();
    }
    return read.contains('\n') ? read.left(read.indexOf('\n')).trimmed() : QByteArray();
}

QVariant unwrap(const QVariant& value)
{
    return value.canConvert<QDBusVariant>() ? value.value<QDBusVariant>().variant() : value;
}

} // namespace

PromptingKeyring::PromptingKeyring(Kind kind)
    : m_kind(kind)
    , m_root(QDir::tempPath() + u"/faultshare-prompting-keyring-XXXXXX"_s)
{
}

PromptingKeyring::~PromptingKeyring()
{
    stop();
}

QByteArray PromptingKeyring::failure() const
{
    qWarning("the rig failed: %s", qPrintable(m_error));
    return "rig: " + m_error.section(u'\n', 0, 0).toUtf8() + " (the rig's state is logged above)";
}

QString PromptingKeyring::home() const
{
    return m_root.filePath(u"home"_s);
}

bool PromptingKeyring::fail(const QString& why)
{
    m_error = why + u"\n--- rig state ---\n"_s + diagnostics();
    return false;
}

QProcessEnvironment PromptingKeyring::daemonEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : ForeignVariables)
        env.remove(name);
    env.insert(u"HOME"_s, home());
    env.insert(u"XDG_DATA_HOME"_s, home() + u"/.local/share"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home() + u"/.config"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home() + u"/.cache"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, m_root.filePath(u"runtime"_s));
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    // gcr-prompter is a GTK program: no accessibility bus, no dconf service to start.
    env.insert(u"NO_AT_BRIDGE"_s, u"1"_s);
    env.insert(u"GTK_A11Y"_s, u"none"_s);
    env.insert(u"GSETTINGS_BACKEND"_s, u"memory"_s);
    if (!m_display.isEmpty())
        env.insert(u"DISPLAY"_s, m_display);
    return env;
}

QProcessEnvironment PromptingKeyring::environment(QProcessEnvironment base) const
{
    for (const QString& name : ForeignVariables)
        base.remove(name);
    base.insert(u"DISPLAY"_s, m_display);
    base.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_busAddress);
    base.insert(u"XDG_RUNTIME_DIR"_s, m_root.filePath(u"runtime"_s));
    return base;
}

bool PromptingKeyring::start()
{
    if (!m_root.isValid())
        return fail(u"no temporary directory for the rig: "_s + m_root.errorString());
    for (const QString& dir : QStringList{home() + u"/.local/share"_s, home() + u"/.config"_s, home() + u"/.cache"_s,
                               m_root.filePath(u"runtime"_s)}) {
        if (!QDir().mkpath(dir))
            return fail(u"cannot create "_s + dir);
    }
    QFile::setPermissions(m_root.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!startDisplay() || !startBus())
        return false;
    if (m_kind == Kind::Locked)
        return startKeyringDaemon();
    // Nothing may own the name yet: the first client activates the daemon.
    if (nameHasOwner(Secrets))
        return fail(u"something owns org.freedesktop.secrets on a bus that was just started"_s);
    const QStringList activatable = QDBusConnection(m_connectionName).interface()->activatableServiceNames().value();
    if (!activatable.contains(Secrets))
        return fail(u"org.freedesktop.secrets cannot be D-Bus-activated (gnome-keyring's service file is missing; "
                    "scripts/test installs the gnome-keyring package)"_s);
    return true;
}

bool PromptingKeyring::startDisplay()
{
    m_xvfb = std::make_unique<QProcess>();
    m_xvfb->setProcessEnvironment(daemonEnvironment());
    m_xvfb->setStandardErrorFile(m_root.filePath(u"xvfb.log"_s));
    // Leads a process group of its own (in this session, so the others may join it).
    m_xvfb->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    // -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
    m_xvfb->start(u"Xvfb"_s, {u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s,
                              u"1024x768x24"_s});
    if (!m_xvfb->waitForStarted(StartMs))
        return fail(u"Xvfb did not start (package xvfb, which scripts/test installs): "_s + m_xvfb->errorString());
    m_group = pid_t(m_xvfb->processId());
    bool ok = false;
    const int number = firstLine(*m_xvfb).toInt(&ok);
    if (!ok)
        return fail(u"Xvfb did not say which display it opened"_s);
    m_display = u':' + QString::number(number);
    return true;
}

bool PromptingKeyring::startBus()
{
    m_bus = std::make_unique<QProcess>();
    // The activated services (gnome-keyring, gcr-prompter) get this environment: DISPLAY
    // is what lets gcr-prompter open its window.
    m_bus->setProcessEnvironment(daemonEnvironment());
    m_bus->setStandardErrorFile(m_root.filePath(u"bus.log"_s));
    const pid_t group = m_group;
    m_bus->setChildProcessModifier([group] {
        ::setpgid(0, group);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_bus->start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    if (!m_bus->waitForStarted(StartMs))
        return fail(u"dbus-daemon did not start (package dbus, which scripts/test installs): "_s + m_bus->errorString());
    m_busAddress = QString::fromLocal8Bit(firstLine(*m_bus));
    if (m_busAddress.isEmpty())
        return fail(u"dbus-daemon did not print its address"_s);
    m_connectionName = u"faultshare-prompting-keyring-"_s + QUuid::createUuid().toString(QUuid::Id128);
    const QDBusConnection connection = QDBusConnection::connectToBus(m_busAddress, m_connectionName);
    if (!connection.isConnected())
        return fail(u"cannot connect to the rig's bus: "_s + connection.lastError().message());
    return true;
}

bool PromptingKeyring::startKeyringDaemon()
{
    m_keyring = std::make_unique<QProcess>();
    QProcessEnvironment env = daemonEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_busAddress);
    m_keyring->setProcessEnvironment(env);
    m_keyring->setStandardOutputFile(m_root.filePath(u"keyring.log"_s));
    m_keyring->setStandardErrorFile(m_root.filePath(u"keyring.log"_s), QIODevice::Append);
    const pid_t group = m_group;
    m_keyring->setChildProcessModifier([group] {
        ::setpgid(0, group);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    // --unlock reads a password from standard input and creates the "login" collection
    // with it, unlocked; it stays the default collection.
    m_keyring->start(u"gnome-keyring-daemon"_s, {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    if (!m_keyring->waitForStarted(StartMs))
        return fail(u"gnome-keyring-daemon did not start (package gnome-keyring, which scripts/test installs): "_s
                    + m_keyring->errorString());
    m_keyring->write("throwaway-prompting-keyring");
    m_keyring->closeWriteChannel();
    // Until it owns the name, a client would D-Bus-activate a second daemon.
    if (!QTest::qWaitFor([this] { return m_keyring->state() != QProcess::Running || nameHasOwner(Secrets); }, StartMs)
        || !nameHasOwner(Secrets))
        return fail(u"gnome-keyring-daemon did not take org.freedesktop.secrets on the rig's bus"_s);
    if (isLoginLocked() != false)
        return fail(u"gnome-keyring-daemon --unlock left no unlocked login collection"_s);
    return true;
}

bool PromptingKeyring::nameHasOwner(const QString& name)
{
    const QDBusConnection connection(m_connectionName);
    return connection.isConnected() && connection.interface()->isServiceRegistered(name).value();
}

bool PromptingKeyring::prompterRunning()
{
    for (const QString& name : PrompterNames) {
        if (nameHasOwner(name))
            return true;
    }
    return false;
}

std::optional<bool> PromptingKeyring::isLoginLocked()
{
    QDBusMessage get = QDBusMessage::createMethodCall(Secrets, LoginPath, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << CollectionInterface << u"Locked"_s;
    get.setAutoStartService(false);
    const QDBusMessage reply = QDBusConnection(m_connectionName).call(get, QDBus::Block, CallMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1)
        return std::nullopt;
    return unwrap(reply.arguments().first()).toBool();
}

bool PromptingKeyring::storeKeychainEntry(const QString& service, const QString& entry, const QString& secret)
{
    if (m_kind != Kind::Locked || isLoginLocked() != false)
        return fail(u"storeKeychainEntry needs the Locked rig's login collection, unlocked"_s);
    using Attributes = QMap<QString, QString>;
    qDBusRegisterMetaType<Attributes>();
    qDBusRegisterMetaType<RigSecret>();
    const QDBusConnection connection(m_connectionName);
    QDBusMessage open = QDBusMessage::createMethodCall(Secrets, ServicePath, ServiceInterface, u"OpenSession"_s);
    open << u"plain"_s << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage opened = connection.call(open, QDBus::Block, CallMs);
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
        return fail(u"OpenSession failed: "_s + opened.errorMessage());
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    // What libsecret's secret_password_store() sends for QtKeychain's schema.
    const QVariantMap properties{
        {u"org.freedesktop.Secret.Item.Label"_s, QString(service + u" test entry "_s + entry)},
        {u"org.freedesktop.Secret.Item.Attributes"_s,
         QVariant::fromValue(Attributes{{u"xdg:schema"_s, u"org.qt.keychain"_s},
                                        {u"user"_s, entry},
                                        {u"server"_s, service},
                                        {u"type"_s, u"plaintext"_s}})},
    };
    QDBusMessage create = QDBusMessage::createMethodCall(Secrets, LoginPath, CollectionInterface, u"CreateItem"_s);
    create << properties << QVariant::fromValue(RigSecret{session, {}, secret.toUtf8(), u"text/plain"_s}) << true;
    const QDBusMessage created = connection.call(create, QDBus::Block, CallMs);
    if (created.type() != QDBusMessage::ReplyMessage || created.arguments().size() != 2)
        return fail(u"CreateItem failed: "_s + created.errorMessage());
    if (created.arguments().at(1).value<QDBusObjectPath>().path() != u"/"_s)
        return fail(u"CreateItem asked for a prompt in an unlocked collection"_s);
    return true;
}

bool PromptingKeyring::lock()
{
    if (m_kind != Kind::Locked)
        return fail(u"lock() is for the Locked rig"_s);
    QDBusMessage call = QDBusMessage::createMethodCall(Secrets, ServicePath, ServiceInterface, u"Lock"_s);
    call << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(LoginPath)});
    const QDBusMessage reply = QDBusConnection(m_connectionName).call(call, QDBus::Block, CallMs);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return fail(u"Lock failed: "_s + reply.errorMessage());
    if (isLoginLocked() != true)
        return fail(u"the login collection is not locked after Lock"_s);
    return true;
}

bool PromptingKeyring::promptShows()
{
    const QDBusConnection connection(m_connectionName);
    if (m_kind == Kind::Locked && isLoginLocked() != true)
        return fail(u"promptShows: the login collection is not locked"_s);
    // Asks for a new collection, which needs a password that only a prompt can give (and,
    // NoCollection, activates the daemon as the first client would). Not an unlock of the
    // login collection: gnome-keyring 42 aborts (g_assert in gkd-secret-unlock.c,
    // perform_next_unlock) when an unlock prompt is dismissed while it is shown.
    QDBusMessage ask = QDBusMessage::createMethodCall(Secrets, ServicePath, ServiceInterface, u"CreateCollection"_s);
    ask << QVariantMap{{u"org.freedesktop.Secret.Collection.Label"_s, u"FaultShare rig probe"_s}} << QString();
    const QDBusMessage asked = connection.call(ask, QDBus::Block, CallMs);
    if (asked.type() != QDBusMessage::ReplyMessage || asked.arguments().size() != 2)
        return fail(u"asking gnome-keyring for a prompt failed: "_s + asked.errorMessage());
    const QString prompt = asked.arguments().at(1).value<QDBusObjectPath>().path();
    if (prompt == u"/"_s)
        return fail(u"gnome-keyring did what needs a password without asking for one"_s);
    const QDBusMessage shown = connection.call(
        QDBusMessage::createMethodCall(Secrets, prompt, PromptInterface, u"Prompt"_s) << QString(), QDBus::Block, CallMs);
    if (shown.type() != QDBusMessage::ReplyMessage)
        return fail(u"Prompt failed: "_s + shown.errorMessage());
    const bool served = QTest::qWaitFor([this] { return prompterRunning(); }, StartMs);
    // Dismissed whatever happened: the probe leaves no prompt behind.
    const QDBusMessage dismissed = connection.call(
        QDBusMessage::createMethodCall(Secrets, prompt, PromptInterface, u"Dismiss"_s), QDBus::Block, CallMs);
    if (!served)
        return fail(u"no prompter came up on display "_s + m_display
                    + u" (gcr-prompter, package gcr, which scripts/test installs; or it could not open the display)"_s);
    if (dismissed.type() != QDBusMessage::ReplyMessage)
        return fail(u"Dismiss failed: "_s + dismissed.errorMessage());
    if (m_kind == Kind::Locked && isLoginLocked() != true)
        return fail(u"the login collection got unlocked by a prompt nobody answered"_s);
    // Nothing changed: gnome-keyring still answers, with no new collection.
    QDBusMessage get = QDBusMessage::createMethodCall(Secrets, ServicePath, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << ServiceInterface << u"Collections"_s;
    get.setAutoStartService(false);
    const QDBusMessage reply = connection.call(get, QDBus::Block, CallMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1)
        return fail(u"gnome-keyring did not answer after the dismissed prompt: "_s + reply.errorMessage());
    QList<QDBusObjectPath> paths;
    unwrap(reply.arguments().first()).value<QDBusArgument>() >> paths;
    for (const QDBusObjectPath& path : std::as_const(paths)) {
        if (path.path() != u"/org/freedesktop/secrets/collection/session"_s
            && (m_kind == Kind::NoCollection || path.path() != LoginPath))
            return fail(u"a collection exists after a dismissed prompt: "_s + path.path());
    }
    return true;
}

QStringList PromptingKeyring::liveGroupMembers() const
{
    QStringList members;
    if (m_group <= 0)
        return members;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        // After the name: state ppid pgrp ...
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 3 || fields.at(2).toLong() != long(m_group))
            continue;
        if (fields.at(0) == "Z" || fields.at(0) == "X")
            continue;
        members << pid + u' ' + QString::fromLocal8Bit(line.mid(open + 1, close - open - 1));
    }
    return members;
}

QString PromptingKeyring::diagnostics()
{
    QStringList lines;
    lines << u"display: "_s + (m_display.isEmpty() ? u"(none)"_s : m_display)
          << u"bus: "_s + (m_busAddress.isEmpty() ? u"(none)"_s : m_busAddress);
    const QDBusConnection connection(m_connectionName);
    if (connection.isConnected()) {
        QStringList names;
        for (const QString& name : connection.interface()->registeredServiceNames().value()) {
            if (name.startsWith(u':'))
                continue;
            names << name + u" (pid "_s + QString::number(connection.interface()->servicePid(name).value()) + u')';
        }
        lines << u"bus names: "_s + names.join(u", "_s);
        lines << u"prompter running: "_s + (prompterRunning() ? u"yes"_s : u"no"_s);
        if (nameHasOwner(Secrets)) {
            const std::optional<bool> locked = isLoginLocked();
            lines << u"login collection: "_s
                    + (!locked ? u"none"_s : *locked ? u"locked"_s : u"unlocked"_s);
        }
    } else {
        lines << u"not connected to the rig's bus"_s;
    }
    lines << u"processes of the rig: "_s + liveGroupMembers().join(u", "_s);
    lines << u"Xvfb log: "_s + tailOf(m_root.filePath(u"xvfb.log"_s));
    lines << u"dbus-daemon log (with activated services): "_s + tailOf(m_root.filePath(u"bus.log"_s));
    if (m_kind == Kind::Locked)
        lines << u"gnome-keyring-daemon log: "_s + tailOf(m_root.filePath(u"keyring.log"_s));
    return lines.join(u'\n');
}

QStringList PromptingKeyring::stop()
{
    if (!m_connectionName.isEmpty()) {
        QDBusConnection::disconnectFromBus(m_connectionName);
        m_connectionName.clear();
    }
    // The group outlives its leader while any member lives, so its id cannot name
    // another group meanwhile: signal it only while members are alive.
    const auto signalGroup = [this](int signal) {
        if (!liveGroupMembers().isEmpty())
            ::kill(-m_group, signal);
    };
    if (m_group > 0) {
        signalGroup(SIGTERM); // Xvfb removes its lock file and socket
        if (!QTest::qWaitFor([this] { return liveGroupMembers().isEmpty(); }, 5000)) {
            signalGroup(SIGKILL);
            (void)QTest::qWaitFor([this] { return liveGroupMembers().isEmpty(); }, 5000);
        }
    }
    for (QProcess* process : {m_keyring.get(), m_bus.get(), m_xvfb.get()}) {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    return liveGroupMembers();
}

} // namespace TestSupport
