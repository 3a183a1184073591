# Windows installer: NSIS through CPack, with the Qt runtime deployed by windeployqt at
# install time (qt_deploy_runtime_dependencies, Qt 6.3+). Included by
# packaging/CMakeLists.txt on WIN32 only; the steps are in docs/PACKAGING.md.
#
#   cmake -S . -B build\package -G Ninja -DCMAKE_BUILD_TYPE=Release -DFAULTSHARE_BUILD_TESTS=OFF
#   cmake --build build\package
#   cd build\package && cpack -G NSIS

# windeployqt copies the Qt DLLs, the platform, style, image format, icon engine and TLS
# (schannel) plugins next to bin\faultshare.exe, in the install tree that CPack packs. It
# reads the modules too (Module.h, installed beside the program): the Qt libraries only
# they load (QtNetwork, QtPrintSupport, QtHttpServer, QtWebSockets) are not the program's.
# packaging/ is added after every directory that adds a module. Untested on Windows.
faultshare_install_deploy_script("\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:faultshare>" GENERATE_QT_CONF)

# The compiler runtime (MSVC redistributable DLLs) beside the executable.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "FaultShare")
# Start menu shortcut: bin\faultshare.exe as "FaultShare".
set(CPACK_PACKAGE_EXECUTABLES faultshare FaultShare)
set(CPACK_NSIS_PACKAGE_NAME "FaultShare")
set(CPACK_NSIS_DISPLAY_NAME "FaultShare ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\faultshare.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ on PATH, for `faultshare generate` in scripts.
set(CPACK_NSIS_MODIFY_PATH ON)
# FaultShare.ico is made from resources/icons/faultshare.svg (docs/PACKAGING.md); without
# it the installer uses NSIS's default icon.
set(faultshare_ico "${CMAKE_CURRENT_LIST_DIR}/FaultShare.ico")
if(EXISTS "${faultshare_ico}")
    file(TO_NATIVE_PATH "${faultshare_ico}" faultshare_ico_native)
    string(REPLACE "\\" "\\\\" faultshare_ico_native "${faultshare_ico_native}")
    set(CPACK_NSIS_MUI_ICON "${faultshare_ico_native}")
    set(CPACK_NSIS_MUI_UNIICON "${faultshare_ico_native}")
else()
    message(STATUS "packaging/windows/FaultShare.ico not found: the installer gets the default icon")
endif()
