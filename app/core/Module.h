#pragma once

#include <QString>

namespace faultshare {

// FaultShare's parts that need a large library only once they are used: the network
// transport (QtNetwork), printing (QtPrintSupport) and the demo API (QtHttpServer).
// Debian's Qt libraries resolve all their symbols when they load, so every library the
// program links delays its first frame; built as modules, these load on first use.
//
// A module exports one C function, `void* faultshare_module_<name>(const char* version)`
// (FAULTSHARE_MODULE_ENTRY, ModuleEntry.h), that returns its interface, or null when
// version is not the one it was built with. The
// interface is a class of inline virtual functions (NetworkModule.h, PrintModule.h,
// DemoModule.h) over Qt value types, so a module needs no symbol of the program.
//
// Modules are looked up in FAULTSHARE_MODULE_DIR relative to the program's folder: the
// install layout (lib/<triplet>/faultshare on Linux), mirrored in the build tree so the
// tests, which sit beside bin/, find them the same way.
namespace Module {

// The interface of module name ("network", "print", "demo"), loaded on the first call
// and kept for the life of the process. Null with *whyNot (a clause naming the file and
// the loader's reason) when it cannot be loaded.
void* load(const char* name, QString* whyNot);

// The sentence for a module that cannot be loaded: FaultShare is not installed whole.
QString missingSentence(const QString& whyNot);

} // namespace Module

} // namespace faultshare
