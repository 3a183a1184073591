#pragma once

#include <QtGlobal>

#include <cstring>

// The one function a module exports (Module.h): `faultshare_module_<name>`, which gives
// the program the module's Interface, made once, or null when the program asking is
// another version of FaultShare. For the module's own source only.
#define FAULTSHARE_MODULE_ENTRY(name, Interface, Implementation)                                                       \
    extern "C" Q_DECL_EXPORT void* faultshare_module_##name(const char* version)                                      \
    {                                                                                                                  \
        if (std::strcmp(version, FAULTSHARE_VERSION) != 0)                                                             \
            return nullptr;                                                                                            \
        static Implementation module;                                                                                  \
        return static_cast<Interface*>(&module);                                                                       \
    }
