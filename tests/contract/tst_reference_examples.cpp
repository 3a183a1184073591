// The parsers against the examples of the OpenAPI document written from Altostrat's
// published reference (altostrat-faults.openapi.json beside this file): what the real API
// documents must read exactly, not only what our demo sends.

#include "ApiError.h"
#include "EmbedToken.h"
#include "Fault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace faultshare;

using namespace Qt::StringLiterals;

class tst_ReferenceExamples final : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_document;

    QJsonObject schema(const QString& name) const
    {
        return m_document.value(u"components"_s).toObject().value(u"schemas"_s).toObject().value(name).toObject();
    }

    QJsonValue responseExample(const QString& path, const QString& method, const QString& status) const
    {
        return m_document.value(u"paths"_s)
            .toObject()
            .value(path)
            .toObject()
            .value(method)
            .toObject()
            .value(u"responses"_s)
            .toObject()
            .value(status)
            .toObject()
            .value(u"content"_s)
            .toObject()
            .value(u"application/json"_s)
            .toObject()
            .value(u"example"_s);
    }

    static QByteArray json(const QJsonValue& value)
    {
        return value.isArray() ? QJsonDocument(value.toArray()).toJson() : QJsonDocument(value.toObject()).toJson();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(FAULTSHARE_OPENAPI_DOCUMENT));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        m_document = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(m_document.value(u"openapi"_s).toString().startsWith(u"3."_s));
    }

    void tokenAnswerExamples_parseExactly_data()
    {
        QTest::addColumn<QJsonObject>("example");
        QTest::newRow("TokenResponse schema") << schema(u"TokenResponse"_s).value(u"example"_s).toObject();
        QTest::newRow("POST /fault/token 200") << responseExample(u"/fault/token"_s, u"post"_s, u"200"_s).toObject();
    }

    void tokenAnswerExamples_parseExactly()
    {
        QFETCH(QJsonObject, example);
        QVERIFY(!example.isEmpty());
        const QDateTime expiresAt = EmbedToken::parseTimestamp(example.value(u"expires_at"_s).toString());
        QCOMPARE(expiresAt, QDateTime(QDate(2025, 10, 21), QTime(13, 0), Qt::UTC));
        // Received the moment it was issued, from the real API's origin.
        const QDateTime received = expiresAt.addSecs(-60LL * example.value(u"expires_in_minutes"_s).toInt());
        QString why;
        const auto token = EmbedToken::parse(json(example), received, {}, QUrl(u"https://v1.api.altostrat.io"_s), &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->token(), example.value(u"token"_s).toString());
        QCOMPARE(token->type(), u"jwt"_s);
        QCOMPARE(token->expiresInMinutes(), 60);
        QCOMPARE(token->expiresAt(), expiresAt);
        QVERIFY(token->hasShortLink());
        QCOMPARE(token->shortLink(), QUrl(u"https://altostr.at/aBcDeFg"_s));
        QCOMPARE(token->issuedAt(), received);
    }

    void faultExamples_parseEveryMember_data()
    {
        QTest::addColumn<QJsonArray>("faults");
        QTest::newRow("Fault schema") << QJsonArray{schema(u"Fault"_s).value(u"example"_s)};
        QTest::newRow("FaultList schema") << schema(u"FaultList"_s).value(u"example"_s).toArray();
        QTest::newRow("GET /fault/token/{id} 200") << responseExample(u"/fault/token/{id}"_s, u"get"_s, u"200"_s).toArray();
    }

    void faultExamples_parseEveryMember()
    {
        QFETCH(QJsonArray, faults);
        QVERIFY(!faults.isEmpty());
        QString why;
        const auto list = Fault::parseList(json(faults), &why);
        QVERIFY2(list, qPrintable(why));
        QCOMPARE(list->unreadable, 0);
        QCOMPARE(list->faults.size(), faults.size());
        for (qsizetype i = 0; i < faults.size(); ++i) {
            const QJsonObject object = faults.at(i).toObject();
            const Fault& fault = list->faults.at(i);
            QCOMPARE(fault.raw, object);
            QCOMPARE(fault.id, object.value(u"id"_s).toString());
            QVERIFY(fault.id.startsWith(u"flt_"_s));
            QCOMPARE(fault.resourceId, object.value(u"resource_id"_s).toString());
            QCOMPARE(fault.customerId, object.value(u"customer_id"_s).toString());
            QCOMPARE(fault.microserviceId, object.value(u"microservice_id"_s).toString());
            QCOMPARE(fault.type, object.value(u"type"_s).toString());
            QCOMPARE(fault.status, object.value(u"status"_s).toString());
            QCOMPARE(fault.isResolved(), object.value(u"status"_s).toString() == u"resolved"_s);
            QVERIFY(fault.severity != Fault::Severity::Unknown);
            QCOMPARE(fault.severityText, object.value(u"severity"_s).toString());
            QCOMPARE(fault.message, object.value(u"message"_s).toString());
            QCOMPARE(fault.cause, object.value(u"cause"_s).toString());
            QCOMPARE(fault.createdAt, EmbedToken::parseTimestamp(object.value(u"created_at"_s).toString()));
            QVERIFY(fault.createdAt.isValid());
            QCOMPARE(fault.resolvedAt.isValid(), !object.value(u"resolved_at"_s).isNull());
            QCOMPARE(fault.ancestryPath, object.value(u"resource_ancestry_path"_s).toString());
            QVERIFY(fault.site().startsWith(u"site_"_s));
            QCOMPARE(fault.device(), fault.resourceId);
            QCOMPARE(fault.ttl, std::optional<qint64>(object.value(u"ttl"_s).toInteger()));
            const QJsonArray comments = object.value(u"comments"_s).toArray();
            QCOMPARE(fault.comments.size(), comments.size());
            for (qsizetype c = 0; c < comments.size(); ++c) {
                QCOMPARE(fault.comments.at(c).userId, comments.at(c).toObject().value(u"user_id"_s).toString());
                QCOMPARE(fault.comments.at(c).comment, comments.at(c).toObject().value(u"comment"_s).toString());
                QVERIFY(fault.comments.at(c).createdAt.isValid());
            }
        }
    }

    void errorExample_isQuotedInTheSentence()
    {
        const QJsonObject example = schema(u"ErrorMessage"_s).value(u"example"_s).toObject();
        const QString message = example.value(u"message"_s).toString();
        QVERIFY(!message.isEmpty());
        QCOMPARE(ApiError::serverMessageFrom(json(example)), message);
        const ApiError error = ApiError::fromHttpStatus(401, json(example), {}, QDateTime::currentDateTimeUtc());
        QVERIFY2(error.userMessage().contains(u"(401: “"_s + message), qPrintable(error.userMessage()));
    }
};

QTEST_GUILESS_MAIN(tst_ReferenceExamples)
#include "tst_reference_examples.moc"
