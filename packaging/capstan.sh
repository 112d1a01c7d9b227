#!/usr/bin/env sh
# Capstan launcher: no arguments opens the console; arguments run the CLI (capstan --help).
# Built by `mvn package` into target/capstan/bin/capstan, beside target/capstan/lib.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The cache keeps JavaFX's native libraries in the user's cache directory rather than the home directory.
exec "$java_cmd" ${CAPSTAN_JAVA_OPTS:-} \
  -Djavafx.cachedir="${XDG_CACHE_HOME:-$HOME/.cache}/capstan/openjfx" \
  -cp "$here/lib/*" dev.capstan.app.Launcher "$@"
