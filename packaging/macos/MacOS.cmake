# macOS: faultshare.app with our Info.plist and icon, the Qt frameworks and plugins
# deployed into the bundle by macdeployqt at install time (qt_deploy_runtime_dependencies,
# Qt 6.3+), packed as a drag-and-drop DMG. Included by packaging/CMakeLists.txt on
# APPLE only; the steps are in docs/PACKAGING.md.
#
#   cmake -S . -B build/package -G Ninja -DCMAKE_BUILD_TYPE=Release -DFAULTSHARE_BUILD_TESTS=OFF
#   cmake --build build/package
#   cd build/package && cpack -G DragNDrop

set_target_properties(faultshare PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER io.altostrat.FaultShare
    MACOSX_BUNDLE_BUNDLE_NAME FaultShare
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "Altostrat"
    MACOSX_BUNDLE_ICON_FILE FaultShare.icns)

# The bundle icon is made from resources/icons/faultshare.svg with rsvg-convert and
# iconutil (Xcode command line tools) at build time.
find_program(RSVG_CONVERT_EXECUTABLE rsvg-convert)
find_program(ICONUTIL_EXECUTABLE iconutil)
if(RSVG_CONVERT_EXECUTABLE AND ICONUTIL_EXECUTABLE)
    set(iconset "${CMAKE_CURRENT_BINARY_DIR}/FaultShare.iconset")
    set(icns "${CMAKE_CURRENT_BINARY_DIR}/FaultShare.icns")
    set(svg "${PROJECT_SOURCE_DIR}/resources/icons/faultshare.svg")
    set(icon_commands COMMAND "${CMAKE_COMMAND}" -E make_directory "${iconset}")
    foreach(size 16 32 128 256 512)
        math(EXPR double "${size} * 2")
        list(APPEND icon_commands
            COMMAND "${RSVG_CONVERT_EXECUTABLE}" -w ${size} -h ${size} -o "${iconset}/icon_${size}x${size}.png" "${svg}"
            COMMAND "${RSVG_CONVERT_EXECUTABLE}" -w ${double} -h ${double} -o "${iconset}/icon_${size}x${size}@2x.png" "${svg}")
    endforeach()
    add_custom_command(OUTPUT "${icns}"
        ${icon_commands}
        COMMAND "${ICONUTIL_EXECUTABLE}" -c icns -o "${icns}" "${iconset}"
        DEPENDS "${svg}"
        COMMENT "Making FaultShare.icns"
        VERBATIM)
    # The rule lives in this directory and the target in app/: a custom target orders
    # them, and the source properties are set in the target's directory.
    add_custom_target(faultshare_icns DEPENDS "${icns}")
    add_dependencies(faultshare faultshare_icns)
    set_source_files_properties("${icns}" TARGET_DIRECTORY faultshare
        PROPERTIES GENERATED ON MACOSX_PACKAGE_LOCATION Resources)
    target_sources(faultshare PRIVATE "${icns}")
else()
    message(WARNING "rsvg-convert (brew install librsvg) or iconutil (Xcode) not found: "
                    "faultshare.app gets no icon")
endif()

# macdeployqt copies the Qt frameworks and the platform, style, image format, icon
# engine and TLS (securetransport) plugins into FaultShare.app/Contents. It reads the
# modules too (Module.h): the Qt frameworks only they load (QtNetwork, QtPrintSupport,
# QtHttpServer, QtWebSockets) are not the program's. packaging/ is added after every
# directory that adds a module. Untested on macOS.
faultshare_install_deploy_script("$<TARGET_FILE_NAME:faultshare>.app")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "FaultShare")
set(CPACK_PACKAGE_FILE_NAME "FaultShare-${PROJECT_VERSION}-macOS")

# Optional: sign the deployed bundle before CPack packs it (after macdeployqt, which
# invalidates earlier signatures). -DFAULTSHARE_CODESIGN_IDENTITY="Developer ID Application: ..."
set(FAULTSHARE_CODESIGN_IDENTITY "" CACHE STRING "codesign identity for faultshare.app (empty: not signed)")
if(FAULTSHARE_CODESIGN_IDENTITY)
    set(codesign_script "${CMAKE_CURRENT_BINARY_DIR}/codesign.cmake")
    file(WRITE "${codesign_script}" "execute_process(COMMAND codesign --force --deep --options runtime --timestamp
    --sign \"${FAULTSHARE_CODESIGN_IDENTITY}\" \"\${CPACK_TEMPORARY_INSTALL_DIRECTORY}/faultshare.app\"
    COMMAND_ERROR_IS_FATAL ANY)\n")
    set(CPACK_PRE_BUILD_SCRIPTS "${codesign_script}")
endif()
