// The comparison for start-up: a bare Qt Widgets window with one label, built in the
// same tree with the same flags and Qt, started the same way as faultshare.

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(u"Hello"_s);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(u"Hello, world"_s, &window));
    window.resize(1000, 820); // the size of FaultShare's first window
    window.show();
    return QApplication::exec();
}
