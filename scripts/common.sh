# Shared by scripts/run, scripts/test and scripts/package: what FaultShare needs from the system.
# Debian 12 / Ubuntu 24.04 package names.

BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-qpa-plugins
    qtkeychain-qt6-dev libsecret-1-0 libqrencode-dev libgl-dev libssl-dev
)
TEST_PACKAGES=(
    libzxing-dev xvfb xauth dbus gnome-keyring gcr libsecret-tools tzdata openssl ca-certificates
    poppler-utils qt6-translations-l10n
    desktop-file-utils appstream groff-base man-db
    python3 python3-jsonschema
    # A monospace face fontconfig does not call fixed-pitch (and, installed, the default
    # monospace): the link font's check runs on it and on DejaVu Sans Mono, which it does.
    fonts-noto-mono fonts-dejavu-core
)
# scripts/package: the .deb (dpkg-shlibdeps derives its dependencies; CPack needs file).
PACKAGE_PACKAGES=(
    dpkg-dev file
)

# Installs whatever of the given packages is missing, with sudo when not root.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "Please install the equivalents of: ${missing[*]}" >&2
        echo "(Qt 6.4 or later with HttpServer and Svg, QtKeychain for Qt 6, libqrencode, zxing-cpp, CMake, Ninja)" >&2
        exit 1
    fi
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
# scripts/bench: the shell pipeline it compares with, and the X11 libraries of its
# start-up driver (it watches for the first window of a process and its first drawing).
BENCH_PACKAGES=(
    curl jq qrencode libx11-dev libxdamage-dev
)
