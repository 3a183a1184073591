#pragma once

#include "ApiClient.h"

#include <QTest>

#include <optional>

using namespace faultshare;

namespace TestSupport {

// The one outcome of a token request.
struct Outcome
{
    std::optional<EmbedToken> token;
    std::optional<ApiError> error;
};

// Waits (event loop running) for request to finish or fail. No outcome in time shows
// up as neither token nor error in the caller's checks.
inline Outcome waitFor(TokenRequest* request, int timeoutMs = 10000)
{
    Outcome outcome;
    const QMetaObject::Connection finished = QObject::connect(
        request, &TokenRequest::finished, request, [&outcome](const EmbedToken& t) { outcome.token = t; });
    const QMetaObject::Connection failed = QObject::connect(
        request, &TokenRequest::failed, request, [&outcome](const ApiError& e) { outcome.error = e; });
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return outcome.token || outcome.error; }, timeoutMs);
    // A late answer must not write to this frame once it is gone.
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    return outcome;
}

// The one outcome of a preview request.
struct FaultsOutcome
{
    std::optional<QList<Fault>> faults;
    int unreadable = 0;
    std::optional<ApiError> error;
};

inline FaultsOutcome waitFor(FaultsRequest* request, int timeoutMs = 10000)
{
    FaultsOutcome outcome;
    const QMetaObject::Connection finished = QObject::connect(
        request, &FaultsRequest::finished, request, [&outcome](const QList<Fault>& f, int unreadable) {
            outcome.faults = f;
            outcome.unreadable = unreadable;
        });
    const QMetaObject::Connection failed = QObject::connect(
        request, &FaultsRequest::failed, request, [&outcome](const ApiError& e) { outcome.error = e; });
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return outcome.faults || outcome.error; }, timeoutMs);
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    return outcome;
}

} // namespace TestSupport
