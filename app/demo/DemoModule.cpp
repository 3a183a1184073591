// The demo module, faultshare-demo: DemoServer behind DemoModule.h, for the window.

#include "DemoModule.h"
#include "DemoServer.h"
#include "ModuleEntry.h"


namespace faultshare {

namespace {

class RunningDemo final : public DemoApi
{
public:
    explicit RunningDemo(std::unique_ptr<DemoServer> server)
        : m_server(std::move(server))
    {
    }

    QUrl url() const override { return m_server->url(); }
    QString apiKey() const override { return m_server->apiKey(); }

private:
    std::unique_ptr<DemoServer> m_server;
};

class DemoStarter final : public DemoModule
{
public:
    std::unique_ptr<DemoApi> start() override
    {
        auto server = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        if (!server->listen(QHostAddress::LocalHost, 0))
            return nullptr;
        return std::make_unique<RunningDemo>(std::move(server));
    }
};

} // namespace

} // namespace faultshare

FAULTSHARE_MODULE_ENTRY(demo, faultshare::DemoModule, faultshare::DemoStarter)
