# Checks that every message docs/TROUBLESHOOTING.md is keyed by is one the program can
# show: the first cell of each table row is `quoted`; the quoted text must occur in a
# string of the sources (app/, ui/), whole or as the parts joined by ": " (a sentence
# that embeds a detail). Run: cmake -DSOURCE_DIR=<repo> -P CheckMessages.cmake

file(READ "${SOURCE_DIR}/docs/TROUBLESHOOTING.md" doc)
file(GLOB_RECURSE sources "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.ui")
set(text "")
foreach(source IN LISTS sources)
    file(READ "${source}" content)
    string(APPEND text "${content}")
endforeach()
# C++ escapes and XML entities as the program prints them.
string(REPLACE "\\\"" "\"" text "${text}")
string(REPLACE "&quot;" "\"" text "${text}")
string(REPLACE "&amp;" "&" text "${text}")
# Semicolons separate CMake list items: keep them out of the way.
string(REPLACE ";" "<semicolon>" text "${text}")
string(REPLACE ";" "<semicolon>" doc "${doc}")

string(REGEX MATCHALL "\n\\| `[^`]+` \\|" rows "${doc}")
list(LENGTH rows count)
if(count LESS 20)
    message(FATAL_ERROR "only ${count} messages found in TROUBLESHOOTING.md; is the table format still | `message` | … |?")
endif()

set(missing "")
foreach(row IN LISTS rows)
    string(REGEX REPLACE "^\n\\| `([^`]+)` \\|$" "\\1" message "${row}")
    string(FIND "${text}" "${message}" at)
    if(at GREATER -1)
        continue()
    endif()
    # A sentence made of parts: "The secure connection was refused: %1" + the detail.
    string(REPLACE ": " ";" parts "${message}")
    set(found TRUE)
    foreach(part IN LISTS parts)
        string(FIND "${text}" "${part}" at)
        if(at EQUAL -1)
            set(found FALSE)
        endif()
    endforeach()
    if(NOT found)
        list(APPEND missing "${message}")
    endif()
endforeach()

if(missing)
    list(JOIN missing "\n  " shown)
    string(REPLACE "<semicolon>" ";" shown "${shown}")
    message(FATAL_ERROR "TROUBLESHOOTING.md quotes messages the program does not have:\n  ${shown}")
endif()
message(STATUS "${count} troubleshooting messages found in the sources")
