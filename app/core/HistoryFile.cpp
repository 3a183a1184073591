#include "HistoryFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <optional>
#include <QStandardPaths>

#include <chrono>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

// How long a change waits for another process's change to finish. Writers hold the lock
// for the milliseconds a rewrite takes, and History while it makes the first key.
constexpr std::chrono::milliseconds LockTimeout{5000};

const QString FormatName = u"faultshare-history"_s;

QString lockHolder(const QLockFile& lock)
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (!lock.getLockInfo(&pid, &host, &application))
        return HistoryFile::tr("another program");
    return HistoryFile::tr("%1 (process %2)").arg(application.isEmpty() ? HistoryFile::tr("another program") : application).arg(pid);
}

// Locks the file's lock, or says why not.
bool lock(QLockFile& lock, QString* error)
{
    if (lock.tryLock(int(LockTimeout.count())))
        return true;
    if (lock.error() == QLockFile::LockFailedError)
        *error = HistoryFile::tr("the history file is being changed by %1; try again").arg(lockHolder(lock));
    else
        *error = HistoryFile::tr("the history file's lock %1 cannot be made").arg(QDir::toNativeSeparators(lock.fileName()));
    return false;
}

} // namespace

QByteArray HistoryRecord::toLine() const
{
    if (secret == Secret::None)
        return metadata;
    return metadata + (secret == Secret::Sealed ? "\tsealed\t" : "\tboxed\t") + box;
}

HistoryRecord HistoryRecord::of(const HistoryEntry& entry, Secret secret, const QByteArray& box)
{
    HistoryRecord record;
    record.entry = entry;
    record.secret = secret;
    record.box = box;
    QJsonObject fields{
        {u"id"_s, entry.id},
        {u"label"_s, entry.label},
        {u"profile"_s, entry.profile},
        {u"issued_at"_s, HistoryFile::timeText(entry.issuedAt)},
        {u"expires_at"_s, HistoryFile::timeText(entry.expiresAt)},
        {u"received_at"_s, HistoryFile::timeText(entry.receivedAt)},
    };
    if (!entry.apiUrl.isEmpty())
        fields.insert(u"api_url"_s, entry.apiUrl.toString(QUrl::FullyEncoded));
    if (!entry.rotation.isNull()) {
        fields.insert(u"rotation"_s, entry.rotation.id);
        fields.insert(u"rotation_number"_s, entry.rotation.number);
    }
    record.metadata = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return record;
}

QString HistoryFile::timeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char16_t text[] = u"0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, 4, date.year());
    put(5, 2, date.month());
    put(8, 2, date.day());
    put(11, 2, clock.hour());
    put(14, 2, clock.minute());
    put(17, 2, clock.second());
    put(20, 3, clock.msec());
    return QString(reinterpret_cast<const QChar*>(text), 24);
}

// "2026-12-03T04:35:50.000Z", as timeText writes it, read without QDateTime's general
// parser (a thousand entries have three each); anything else through it.
QDateTime HistoryFile::timeFrom(const QString& text)
{
    const auto digits = [&text](qsizetype from, qsizetype count) {
        int n = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    if (text.size() == 24 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T' && text.at(13) == u':'
        && text.at(16) == u':' && text.at(19) == u'.' && text.at(23) == u'Z') {
        const QDate date(digits(0, 4), digits(5, 2), digits(8, 2));
        const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString HistoryFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.jsonl"_s;
}

HistoryFile::HistoryFile(QString path)
    : m_path(std::move(path))
{
}

QByteArray HistoryFile::headerLine(const QByteArray& publicKey, bool keyPending, const QDateTime& createdAt)
{
    QJsonObject header{
        {u"format"_s, FormatName},
        {u"version"_s, Version},
        {u"public_key"_s, QString::fromLatin1(publicKey.toBase64())},
        {u"created_at"_s, timeText(createdAt)},
    };
    if (keyPending)
        header.insert(u"key_pending"_s, true);
    return QJsonDocument(header).toJson(QJsonDocument::Compact);
}

HistoryFile::Header HistoryFile::headerOf(const QByteArray& current)
{
    Header header;
    if (current.isEmpty())
        return header;
    header.status = Header::Status::Damaged;
    const qsizetype end = current.indexOf('\n');
    if (end < 0 || !current.endsWith('\n'))
        return header;
    const QJsonObject object = QJsonDocument::fromJson(current.left(end)).object();
    if (object.value(u"format"_s).toString() != FormatName)
        return header;
    if (object.value(u"version"_s).toInt() > Version) {
        header.status = Header::Status::Newer;
        return header;
    }
    const auto key = QByteArray::fromBase64Encoding(object.value(u"public_key"_s).toString().toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (object.value(u"version"_s).toInt() != Version || !key || key.decoded.size() != 32)
        return header;
    header.status = Header::Status::Ok;
    header.publicKey = key.decoded;
    header.keyPending = object.value(u"key_pending"_s).toBool();
    header.createdAt = timeFrom(object.value(u"created_at"_s).toString());
    return header;
}

HistoryFile::Header HistoryFile::readHeader() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // A whole first line is all it needs; the end of the file is checked when it is changed.
    QByteArray first = file.readLine(64 * 1024);
    if (!first.endsWith('\n'))
        return headerOf(first.isEmpty() ? first : first + 'x');
    return headerOf(first);
}

namespace {

// A fingerprint looks at the size and the last bytes: every change FaultShare makes moves
// one or the other (a line added or removed, a box made anew holds fresh random bytes), and
// it costs the same at a thousand links as at one.
constexpr qint64 FingerprintTail = 512;

size_t fingerprintOfTail(qint64 size, QByteArrayView tail)
{
    return size == 0 ? 0 : qHashMulti(size_t(0x5eed), size, tail) | 1;
}

size_t fingerprintOfOpen(QFile& file)
{
    const qint64 size = file.size();
    if (!file.seek(std::max<qint64>(0, size - FingerprintTail)))
        return 0;
    return fingerprintOfTail(size, file.read(FingerprintTail));
}

} // namespace

namespace {

// The members of a line's metadata that make its entry.
struct Members
{
    QString id;
    QString label;
    QString profile;
    QString issuedAt;
    QString expiresAt;
    QString receivedAt;
    std::optional<QString> apiUrl; // only when it is a string
    QString rotation;
    int rotationNumber = 0;
};

Members membersOf(const QJsonObject& fields)
{
    Members members;
    members.id = fields.value(u"id"_s).toString();
    members.label = fields.value(u"label"_s).toString();
    members.profile = fields.value(u"profile"_s).toString();
    members.issuedAt = fields.value(u"issued_at"_s).toString();
    members.expiresAt = fields.value(u"expires_at"_s).toString();
    members.receivedAt = fields.value(u"received_at"_s).toString();
    if (const QJsonValue apiUrl = fields.value(u"api_url"_s); apiUrl.isString())
        members.apiUrl = apiUrl.toString();
    members.rotation = fields.value(u"rotation"_s).toString();
    members.rotationNumber = fields.value(u"rotation_number"_s).toInt();
    return members;
}

// Metadata in the form FaultShare writes it, read without QJsonDocument (which took most
// of the time of listing a thousand links): a compact object whose values are ASCII
// strings without escapes and whole numbers of up to nine digits. Anything else (white
// space, escapes, other characters or values, one of the entry's members twice) is
// std::nullopt, and QJsonDocument reads it, or rejects it, as before: this only ever
// gives what it would (tst_history compares the two).
std::optional<Members> readPlainMembers(QByteArrayView text)
{
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return std::nullopt;
    Members members;
    quint32 seen = 0;
    qsizetype at = 1;
    const qsizetype end = text.size() - 1;
    // A string from at (its opening quote) on: its bytes, with at past its closing quote.
    const auto string = [&](QByteArrayView* out) {
        if (at >= end || text.at(at) != '"')
            return false;
        const qsizetype start = ++at;
        for (; at < end; ++at) {
            const uchar c = uchar(text.at(at));
            if (c == '"') {
                *out = text.sliced(start, at - start);
                ++at;
                return true;
            }
            if (c < 0x20 || c >= 0x80 || c == '\\')
                return false;
        }
        return false;
    };
    if (at == end)
        return members; // {}
    for (;;) {
        QByteArrayView key;
        if (!string(&key) || at >= end || text.at(at) != ':')
            return std::nullopt;
        ++at;
        static constexpr std::array<QLatin1StringView, 9> Known{
            "id"_L1, "label"_L1, "profile"_L1, "issued_at"_L1, "expires_at"_L1, "received_at"_L1, "api_url"_L1, "rotation"_L1, "rotation_number"_L1};
        const auto known = std::find(Known.cbegin(), Known.cend(), QLatin1StringView(key));
        const int index = known == Known.cend() ? -1 : int(known - Known.cbegin());
        if (index >= 0) {
            if (seen & (1u << index))
                return std::nullopt;
            seen |= 1u << index;
        }
        if (at < end && text.at(at) == '"') {
            QByteArrayView value;
            if (!string(&value))
                return std::nullopt;
            const QString decoded = QString::fromLatin1(value);
            switch (index) {
            case 0: members.id = decoded; break;
            case 1: members.label = decoded; break;
            case 2: members.profile = decoded; break;
            case 3: members.issuedAt = decoded; break;
            case 4: members.expiresAt = decoded; break;
            case 5: members.receivedAt = decoded; break;
            case 6: members.apiUrl = decoded; break;
            case 7: members.rotation = decoded; break;
            default: break; // a string rotation_number reads as 0, as QJsonValue::toInt() gives
            }
        } else {
            // -?(0|[1-9][0-9]*), nine digits at most; a number where a string belongs reads
            // as an empty string, as QJsonValue::toString() gives.
            const bool negative = at < end && text.at(at) == '-';
            if (negative)
                ++at;
            const qsizetype first = at;
            int number = 0;
            for (; at < end && text.at(at) >= '0' && text.at(at) <= '9'; ++at) {
                if (at - first < 9)
                    number = number * 10 + (text.at(at) - '0');
            }
            const qsizetype digits = at - first;
            if (digits == 0 || digits > 9 || (digits > 1 && text.at(first) == '0'))
                return std::nullopt;
            if (index == 8)
                members.rotationNumber = negative ? -number : number;
        }
        if (at == end)
            return members;
        if (text.at(at) != ',')
            return std::nullopt;
        ++at;
    }
}

// The members of a line's metadata; std::nullopt when it is no JSON object.
std::optional<Members> readMembers(QByteArrayView metadata)
{
    if (std::optional<Members> plain = readPlainMembers(metadata))
        return plain;
    // fromJson copies what it keeps: the bytes need not outlive it.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(metadata.data(), metadata.size()));
    if (!document.isObject())
        return std::nullopt;
    return membersOf(document.object());
}

} // namespace

size_t HistoryFile::fingerprintOf(const QByteArray& bytes)
{
    return fingerprintOfTail(bytes.size(), QByteArrayView(bytes).last(std::min<qint64>(bytes.size(), FingerprintTail)));
}

HistoryFile::Read HistoryFile::parse(const QByteArray& bytes, Parts parts)
{
    Read read;
    read.contents.parts = parts;
    read.fingerprint = fingerprintOf(bytes);
    if (bytes.isEmpty())
        return read;
    const auto damaged = [&read](const QString& problem) {
        read.status = Read::Status::Damaged;
        read.problem = problem;
        read.contents = {};
        return read;
    };
    if (!bytes.endsWith('\n'))
        return damaged(HistoryFile::tr("it ends in the middle of a line"));
    const Header header = headerOf(bytes);
    if (header.status == Header::Status::Newer) {
        read.status = Read::Status::Newer;
        read.problem = HistoryFile::tr("it was written by a newer FaultShare");
        return read;
    }
    if (header.status != Header::Status::Ok)
        return damaged(HistoryFile::tr("its first line is not a FaultShare history's"));
    read.contents.publicKey = header.publicKey;
    read.contents.keyPending = header.keyPending;
    read.contents.createdAt = header.createdAt;

    qsizetype start = bytes.indexOf('\n') + 1;
    int lineNumber = 1;
    while (start < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', start);
        ++lineNumber;
        const QByteArrayView line(bytes.constData() + start, end - start);
        start = end + 1;
        HistoryRecord record;
        const qsizetype tab = line.indexOf('\t');
        const QByteArrayView metadata = tab < 0 ? line : line.first(tab);
        if (parts == Parts::All)
            record.metadata = metadata.toByteArray();
        if (tab >= 0) {
            const QByteArrayView rest = line.sliced(tab + 1);
            const qsizetype second = rest.indexOf('\t');
            const QByteArrayView kind = second < 0 ? rest : rest.first(second);
            record.secret = kind == "sealed" ? HistoryRecord::Secret::Sealed
                : kind == "boxed"            ? HistoryRecord::Secret::Boxed
                                             : HistoryRecord::Secret::None;
            // Decoded when opened (with the key): a thousand boxes are not decoded to list rows.
            const QByteArrayView box = second < 0 ? QByteArrayView() : rest.sliced(second + 1);
            if (record.secret == HistoryRecord::Secret::None || box.isEmpty())
                return damaged(HistoryFile::tr("line %1 holds no readable link").arg(lineNumber));
            if (parts == Parts::All)
                record.box = box.toByteArray();
        }
        std::optional<Members> members = readMembers(metadata);
        if (!members)
            return damaged(HistoryFile::tr("line %1 is not a history entry").arg(lineNumber));
        HistoryEntry& entry = record.entry;
        entry.id = std::move(members->id);
        entry.label = std::move(members->label);
        entry.profile = std::move(members->profile);
        entry.issuedAt = timeFrom(members->issuedAt);
        entry.expiresAt = timeFrom(members->expiresAt);
        entry.receivedAt = timeFrom(members->receivedAt);
        if (members->apiUrl)
            entry.apiUrl = QUrl(*members->apiUrl, QUrl::StrictMode);
        entry.rotation.id = std::move(members->rotation);
        entry.rotation.number = members->rotationNumber;
        if (entry.id.isEmpty() || !entry.expiresAt.isValid())
            return damaged(HistoryFile::tr("line %1 is not a history entry").arg(lineNumber));
        read.contents.records.append(std::move(record));
    }
    read.status = Read::Status::Ok;
    return read;
}

HistoryFile::Read HistoryFile::read(Parts parts) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        Read read;
        if (file.exists()) {
            read.status = Read::Status::Unreadable;
            read.problem = file.errorString();
        }
        return read;
    }
    return parse(file.readAll(), parts);
}

size_t HistoryFile::fingerprint() const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) ? fingerprintOfOpen(file) : 0;
}

bool HistoryFile::update(const std::function<std::optional<QByteArray>(const QByteArray&)>& change, QString* error) const
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        *error = HistoryFile::tr("the folder of %1 cannot be made").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    QLockFile lockFile(m_path + u".lock"_s);
    if (!lock(lockFile, error))
        return false;
    QByteArray current;
    if (QFile file(m_path); file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = HistoryFile::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
            return false;
        }
        current = file.readAll();
    }
    const std::optional<QByteArray> next = change(current);
    if (!next)
        return true;
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        // The tokens in it are sealed, but their metadata and the file are still the
        // operator's own.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(*next);
        if (file.commit())
            return true;
    }
    *error = HistoryFile::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
    return false;
}

HistoryFile::Appended HistoryFile::append(const std::function<std::optional<QByteArray>(const Header&)>& line,
                                          QString* error, size_t* fingerprint) const
{
    QLockFile lockFile(m_path + u".lock"_s);
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()) || !lock(lockFile, error))
        return Appended::Failed;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite))
        return Appended::NeedsRewrite;
    // The first line, and a whole last one (a file cut short is update()'s to set aside).
    const QByteArray first = file.readLine(64 * 1024);
    char last = 0;
    const Header header = headerOf(first);
    if (header.status != Header::Status::Ok || !file.seek(file.size() - 1) || !file.getChar(&last) || last != '\n')
        return Appended::NeedsRewrite;
    const std::optional<QByteArray> added = line(header);
    if (!added)
        return Appended::Failed;
    if (!file.seek(file.size()) || file.write(*added + '\n') != added->size() + 1 || !file.flush()) {
        *error = HistoryFile::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
        return Appended::Failed;
    }
    // Still under the lock: the file as this process left it, nobody else's line in it.
    if (fingerprint)
        *fingerprint = fingerprintOfOpen(file);
    return Appended::Yes;
}

QString HistoryFile::saveAside(const QByteArray& bytes, const QString& reason, QString* error) const
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    QString aside = u"%1.%2-%3"_s.arg(m_path, reason, stamp);
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = u"%1.%2-%3-%4"_s.arg(m_path, reason, stamp).arg(n);
    QSaveFile file(aside);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(bytes);
        if (file.commit())
            return aside;
    }
    *error = HistoryFile::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(aside), file.errorString());
    return {};
}

QByteArray HistoryFile::serialize(const Contents& contents)
{
    QByteArray bytes = headerLine(contents.publicKey, contents.keyPending, contents.createdAt) + '\n';
    for (const HistoryRecord& record : contents.records)
        bytes += record.toLine() + '\n';
    return bytes;
}

} // namespace faultshare
