#!/usr/bin/env sh
# Capstan launcher: no arguments opens the console; arguments run the CLI (capstan --help).
# Built by `mvn package` into target/capstan/bin/capstan, beside target/capstan/lib.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
# A command-line run lives seconds: the quick (C1) compiler serves it better than waiting for the optimising one.
# The console, the sandbox and the benchmarks live longer and keep the JVM's default.
jit="-XX:TieredStopAtLevel=1"
[ $# -eq 0 ] && jit=""
for arg in "$@"; do
  case "$arg" in sandbox|bench) jit="" ;; esac
done
# The cache keeps JavaFX's native libraries in the user's cache directory rather than the home directory.
exec "$java_cmd" $jit ${CAPSTAN_JAVA_OPTS:-} \
  -Djavafx.cachedir="${XDG_CACHE_HOME:-$HOME/.cache}/capstan/openjfx" \
  -cp "$here/lib/*" dev.capstan.app.Launcher "$@"
