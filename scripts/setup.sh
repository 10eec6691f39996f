# Deft's set-up, shared by ./deft and ./run-tests (sourced, not run).
# It finds or installs what Deft needs from the system (a JDK 17+, Chromium, chromedriver, and Xvfb where there
# is no display) and builds Deft with the Maven Wrapper when the build is missing or older than the sources.
# DEFT_SETUP_DRY_RUN=1 says what it would install and does nothing.

deft_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

deft_say() { printf 'deft: %s\n' "$*" >&2; }

# The major version of the java on PATH (or JAVA_HOME), or 0.
deft_java_major() {
  local java=java
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
  command -v "$java" >/dev/null 2>&1 || { echo 0; return; }
  command -v "${java%java}javac" >/dev/null 2>&1 || [ -x "${java}c" ] || { echo 0; return; }
  "$java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit }'
}

# Debian/Ubuntu packages that provide what is missing; $1 is "run" or "tests".
deft_missing_packages() {
  local purpose=$1 missing=()
  if [ "$(deft_java_major)" -lt 17 ] 2>/dev/null; then
    missing+=("$(deft_jdk_package)")
  fi
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
      && [ -z "${DEFT_CHROMIUM:-}" ]; then
    missing+=(chromium)
  fi
  if ! command -v chromedriver >/dev/null 2>&1 && [ -z "${DEFT_CHROMEDRIVER:-}" ]; then
    missing+=(chromium-driver)
  fi
  if [ "$purpose" = tests ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }; then
    command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
    command -v xauth >/dev/null 2>&1 || missing+=(xauth)
  fi
  if [ "$purpose" = tests ]; then
    # The desktop surface's tests: OCR, the X11 helpers, a window manager, and real applications to drive
    # (program, then the Debian package that has it).
    local program package
    while read -r program package; do
      command -v "$program" >/dev/null 2>&1 || missing+=("$package")
    done <<'DESKTOP'
tesseract tesseract-ocr
wmctrl wmctrl
xdotool xdotool
xwininfo x11-utils
setxkbmap x11-xkb-utils
openbox openbox
xcalc x11-apps
galculator galculator
mousepad mousepad
fakeroot fakeroot
DESKTOP
    # McpServerIT drives `deft mcp` with the official MCP TypeScript SDK's client, which the build installs with npm
    # into target/mcp-client before the integration tests.
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    # xcalc draws with the X server's core fonts (8x13 and others); without them it falls back to another look and
    # the tests' pictures of its buttons no longer match
    if command -v dpkg-query >/dev/null 2>&1; then
      dpkg-query -W -f='${Status}' xfonts-base 2>/dev/null | grep -q 'ok installed' || missing+=(xfonts-base)
    fi
  fi
  # The desktop app's libraries, for running it and for its tests; checked through the package database, where
  # there is one. JavaFX's native part needs GTK 3, OpenGL (libgl1, even for software rendering) and libXxf86vm;
  # the global hotkeys (JNativeHook) need libXtst, libXt and xkbcommon-x11. A minimal Debian has none of them.
  if command -v dpkg-query >/dev/null 2>&1; then
    local library
    for library in libgtk-3-0 libgl1 libxxf86vm1 libxtst6 libxt6 libxkbcommon-x11-0; do
      dpkg-query -W -f='${Status}' "$library" 2>/dev/null | grep -q 'ok installed' || missing+=("$library")
    done
  fi
  echo "${missing[@]}"
}

deft_jdk_package() {
  if command -v apt-cache >/dev/null 2>&1 && apt-cache show openjdk-17-jdk-headless >/dev/null 2>&1; then
    echo openjdk-17-jdk-headless
  else
    echo default-jdk-headless
  fi
}

# Installs the packages, as root or through sudo after the person says yes; otherwise says the one command to run.
deft_install() {
  local packages=("$@")
  [ ${#packages[@]} -eq 0 ] && return 0
  local command="apt-get update && apt-get install -y --no-install-recommends ${packages[*]}"
  if [ -n "${DEFT_SETUP_DRY_RUN:-}" ]; then
    deft_say "would install: ${packages[*]}"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    deft_say "Deft needs ${packages[*]} (a JDK 17+, Chromium and chromedriver); install them with your system's package manager and run this again."
    exit 2
  fi
  if [ "$(id -u)" -eq 0 ]; then
    deft_say "installing ${packages[*]} (first run only)"
    DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2 || { deft_say "installing ${packages[*]} failed; run: $command"; exit 2; }
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    printf 'deft: Deft needs %s. Install them now with sudo apt-get? [Y/n] ' "${packages[*]}" >&2
    local answer
    read -r answer || answer=n
    case "$answer" in
      ""|y|Y|yes|YES) sudo DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2 || { deft_say "installing failed; run: sudo bash -c '$command'"; exit 2; } ;;
      *) deft_say "run: sudo bash -c '$command'"; exit 2 ;;
    esac
  else
    deft_say "Deft needs ${packages[*]}. Run: sudo bash -c '$command'"
    exit 2
  fi
}

# Builds target/deft.jar when it is missing or older than any source.
deft_build() {
  local jar="$deft_root/target/deft.jar"
  if [ -f "$jar" ] && [ -z "$(find "$deft_root/src/main" "$deft_root/resources" "$deft_root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  deft_say "building Deft (first run, or the sources changed)…"
  (cd "$deft_root" && ./mvnw -q -B -ntp -DskipTests package) >&2 || { deft_say "the build failed; see the messages above"; exit 2; }
}

deft_setup() {
  local purpose=${1:-run}
  # shellcheck disable=SC2046
  deft_install $(deft_missing_packages "$purpose")
}
