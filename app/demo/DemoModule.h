#pragma once

#include <QString>
#include <QUrl>

#include <memory>

namespace faultshare {

// A demo API that is listening (DemoServer); destroying it stops the server.
class DemoApi
{
public:
    virtual ~DemoApi() = default;

    // http://127.0.0.1:PORT, no trailing slash.
    virtual QUrl url() const = 0;
    // The throwaway API key it accepts.
    virtual QString apiKey() const = 0;
};

// The demo module's interface (Module::load("demo")), for `faultshare --demo` and "Try the
// demo server": QtHttpServer and QtWebSockets load only when a demo starts. Only pure
// virtual functions over Qt value types, so the module needs no symbol of the program.
class DemoModule
{
public:
    virtual ~DemoModule() = default;

    // A demo API with a fresh throwaway key on a free port of 127.0.0.1; null when it
    // cannot listen (the module logs why).
    virtual std::unique_ptr<DemoApi> start() = 0;
};

} // namespace faultshare
