#!/usr/bin/env bash
# Checks the manual page: it renders without a single groff or man warning, and it names
# every option and command that the binary's --help texts print, so a new option cannot
# ship undocumented.
#
#   check-manpage.sh <faultshare.1> <faultshare binary>
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <faultshare.1> <faultshare binary>" >&2
    exit 2
fi
page=$1
binary=$2
failed=0

warnings=$(groff -man -ww -z -Tutf8 "$page" 2>&1 || true)
if [[ -n $warnings ]]; then
    echo "FAIL: groff -man -ww warns about $page:" >&2
    echo "$warnings" >&2
    failed=1
fi
if command -v man >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || true)
    if [[ -n $warnings ]]; then
        echo "FAIL: man --warnings warns about $page:" >&2
        echo "$warnings" >&2
        failed=1
    fi
fi

# The page as a reader sees it: no SGR escapes, and the hyphen and minus glyphs of the
# UTF-8 device back to ASCII hyphen-minus.
text=$(groff -man -Tutf8 -P-c -P-b -P-u -P-o "$page" 2>/dev/null \
    | LC_ALL=C sed -e 's/\x1b\[[0-9;]*m//g' -e 's/\xe2\x80\x90/-/g' -e 's/\xe2\x88\x92/-/g')
if [[ -z $text ]]; then
    echo "FAIL: $page renders to nothing" >&2
    exit 1
fi

# Prints the options (-x and --long) of the "Options:" section of a QCommandLineParser help.
options_of() {
    awk '/^Options:/ { inside = 1; next } /^[^ ]/ { inside = 0 } inside' \
        | grep -oE '(^|[ ,])--?[A-Za-z?][A-Za-z0-9-]*' | sed 's/^[ ,]*//' | sort -u
}

checked=0
check_command() {
    local -a command=("$@")
    local help option
    if ! help=$(QT_QPA_PLATFORM=offscreen "$binary" "${command[@]}" --help 2>&1); then
        echo "FAIL: '$binary ${command[*]} --help' exited non-zero:" >&2
        echo "$help" >&2
        failed=1
        return
    fi
    local options
    options=$(options_of <<<"$help")
    if [[ -z $options ]]; then
        echo "FAIL: no options found in '$binary ${command[*]} --help'" >&2
        failed=1
        return
    fi
    if [[ ${#command[@]} -gt 0 ]] && ! grep -qF -- "faultshare ${command[*]}" <<<"$text"; then
        echo "FAIL: $page does not describe 'faultshare ${command[*]}'" >&2
        failed=1
    fi
    while IFS= read -r option; do
        checked=$((checked + 1))
        # Whole words only: --format must not be found inside --format-foo.
        if ! grep -qE -- "(^|[^A-Za-z0-9-])${option}([^A-Za-z0-9-]|$)" <<<"$text"; then
            echo "FAIL: $page does not mention $option (faultshare ${command[*]} --help)" >&2
            failed=1
        fi
    done <<<"$options"
}

check_command
check_command generate
check_command rotate
check_command preview
check_command history
check_command profiles
check_command profiles export
check_command profiles import
check_command key

# The environment variable and the exit codes that the help texts name.
for word in FAULTSHARE_API_KEY "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    if ! grep -qF -- "$word" <<<"$text"; then
        echo "FAIL: $page has no $word" >&2
        failed=1
    fi
done
# Every exit code that a help text lists ("Exit codes: 0 ok, 2 invalid input, ...") has
# its entry under EXIT STATUS.
exit_status=$(sed -n '/^EXIT STATUS/,/^[A-Z]/p' <<<"$text")
codes=$(for command in generate profiles; do
    QT_QPA_PLATFORM=offscreen "$binary" $command --help
done | sed -n '/^Exit codes:/,/^$/p' | grep -oE '(^|[ ,:])[0-9]+ [a-z]' | grep -oE '[0-9]+' | sort -u)
if [[ -z $codes ]]; then
    echo "FAIL: no exit codes found in the --help texts" >&2
    failed=1
fi
for code in $codes; do
    if ! grep -qE "^ +${code} +[A-Za-z]" <<<"$exit_status"; then
        echo "FAIL: $page does not list exit code $code under EXIT STATUS" >&2
        failed=1
    fi
done

if [[ $failed -ne 0 ]]; then
    exit 1
fi
echo "$page: renders without warnings and names all $checked options of the --help texts"
