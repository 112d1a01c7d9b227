#!/usr/bin/env sh
# Capstan launcher: no arguments opens the console; arguments run the CLI (capstan --help).
# Built by `mvn package` into target/capstan/bin/capstan, beside target/capstan/lib.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
cache="${XDG_CACHE_HOME:-$HOME/.cache}/capstan"

# The console, the sandbox and the benchmarks live long: the JVM's defaults suit them.
cli=1
[ $# -eq 0 ] && cli=0
command=""
prev=""
for arg in "$@"; do
  # The word after an option that takes a value is that value (an environment may be called "bench").
  case "$prev" in --env|--workspace|--confirm-env|--output) prev=""; continue ;; esac
  case "$arg" in
    sandbox|bench) cli=0 ;;
    profiles|env|service|task|s3|region|runs|lock|logs) [ -z "$command" ] && command=$arg ;;
  esac
  prev=$arg
done

opts=""
dump=""
if [ "$cli" = 1 ]; then
  # A command-line run lives seconds. The quick (C1) compiler serves it better than waiting for the
  # optimising one, the serial collector needs no threads of its own, and a class-data archive of the
  # classes a command loads (made by its first run with this install and this JVM, kept in the cache)
  # saves most of the start-up's class loading.
  opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off"
  java_path=$(command -v "$java_cmd" || echo "$java_cmd")
  key=$( (ls -lL "$java_path"; ls -l --time-style=+%s "$here/lib") 2>/dev/null | cksum | cut -d' ' -f1)
  archive="$cache/cds/cli-${command:-other}-$key.jsa"
  if [ -f "$archive" ]; then
    opts="$opts -XX:SharedArchiveFile=$archive"
  elif mkdir -p "$cache/cds" 2>/dev/null; then
    dump="$archive.$$"
    opts="$opts -XX:ArchiveClassesAtExit=$dump"
  fi
fi

# The cache keeps JavaFX's native libraries in the user's cache directory rather than the home directory.
if [ -z "$dump" ]; then
  exec "$java_cmd" $opts ${CAPSTAN_JAVA_OPTS:-} \
    -Djavafx.cachedir="$cache/openjfx" \
    -cp "$here/lib/*" dev.capstan.app.Launcher "$@"
fi
# The first run writes the archive under a name of its own, then moves it into place whole.
status=0
"$java_cmd" $opts ${CAPSTAN_JAVA_OPTS:-} -Djavafx.cachedir="$cache/openjfx" -cp "$here/lib/*" dev.capstan.app.Launcher "$@" || status=$?
[ -s "$dump" ] && mv -f "$dump" "$archive" 2>/dev/null || rm -f "$dump"
exit $status
