# Runs lupdate over the sources into a copy of a .ts file and fails when a message is
# unfinished or has no translation, listing each one: a new tr() string without its
# translation fails here, not in front of an operator.
#
#   cmake -DLUPDATE=<lupdate> -DTS_FILE=<faultshare_xx.ts> -DSOURCES_LIST=<file, one path a line>
#         [-DLUPDATE_OPTIONS=<opt;opt>] -DWORK_DIR=<dir> -P check_translations.cmake
foreach(var LUPDATE TS_FILE SOURCES_LIST WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_translations.cmake needs -D${var}=...")
    endif()
endforeach()

get_filename_component(ts_name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${TS_FILE}" "${copy}")

execute_process(
    COMMAND "${LUPDATE}" ${LUPDATE_OPTIONS} -no-obsolete -locations none "@${SOURCES_LIST}" -ts "${copy}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}):\n${output}")
endif()
string(REGEX MATCH "Found [0-9]+ source text\\(s\\) \\([0-9]+ new and [0-9]+ already existing\\)" found "${output}")
message(STATUS "${ts_name}: ${found}")

file(READ "${copy}" ts)
# CMake lists split at ";" and nest at "[": keep both out of the list items.
string(REPLACE ";" "@SEMICOLON@" ts "${ts}")
string(REPLACE "[" "@LBRACKET@" ts "${ts}")
string(REPLACE "]" "@RBRACKET@" ts "${ts}")
# Context names and message blocks, in file order.
set(problems "")
set(context "")
set(count 0)
string(REGEX MATCHALL "(<name>[^<]*</name>)|(<message[^>]*>([^<]|<[^/]|</[^m]|</m[^e])*</message>)" items "${ts}")
foreach(item IN LISTS items)
    if(item MATCHES "^<name>([^<]*)</name>$")
        set(context "${CMAKE_MATCH_1}")
        continue()
    endif()
    math(EXPR count "${count} + 1")
    string(REGEX MATCH "<source>([^<]*)</source>" source_match "${item}")
    set(source "${CMAKE_MATCH_1}")
    string(REPLACE "@SEMICOLON@" ";" source "${source}")
    string(REPLACE "@LBRACKET@" "[" source "${source}")
    string(REPLACE "@RBRACKET@" "]" source "${source}")
    string(REPLACE "&quot;" "\"" source "${source}")
    string(REPLACE "&apos;" "'" source "${source}")
    string(REPLACE "&lt;" "<" source "${source}")
    string(REPLACE "&gt;" ">" source "${source}")
    string(REPLACE "&amp;" "&" source "${source}")
    if(item MATCHES "type=\"unfinished\"" OR item MATCHES "<translation>[ \n\t]*</translation>"
       OR item MATCHES "<numerusform></numerusform>")
        string(APPEND problems "  ${context}: ${source}\n")
    endif()
endforeach()

if(count EQUAL 0)
    message(FATAL_ERROR "${ts_name}: lupdate found no message at all; is the source list right?")
endif()
if(NOT problems STREQUAL "")
    message(FATAL_ERROR "${ts_name}: these messages have no finished translation "
        "(run the update_translations target, translate them in "
        "resources/translations/fill_translations.py and run it):\n${problems}")
endif()
message(STATUS "${ts_name}: all ${count} messages translated")
