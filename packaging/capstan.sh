#!/usr/bin/env sh
# Capstan launcher: no arguments opens the console; arguments run the CLI (capstan --help).
# It serves two layouts:
#  - the installed app (the package, or the app image in target/app/Capstan): lib/app holds the jars and the
#    class-data archives made at build time, lib/runtime a Java of its own;
#  - the development folder `mvn package` leaves in target/capstan: lib/ holds the jars, Java is the JDK's.
set -e
self=$(readlink -f "$0")
here=$(cd "$(dirname "$self")/.." && pwd)
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
    -*) ;;
    *) [ -z "$command" ] && command=$arg ;;
  esac
  prev=$arg
done

# A command-line run lives seconds: the quick (C1) compiler serves it better than waiting for the optimising
# one, and the serial collector needs no threads of its own.
opts=""
[ "$cli" = 1 ] && opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

dump=""
if [ -x "$here/lib/runtime/bin/java" ]; then
  java_cmd=$here/lib/runtime/bin/java
  # The class path in the order the archives were made with: the JVM refuses an archive for any other.
  cp=$(sed -n "s|^app.classpath=\\\$APPDIR/|$here/lib/app/|p" "$here/lib/app/Capstan.cfg" | paste -sd: -)
  # The JVM options the package chose for its runtime, which the desktop entry's launcher reads from the same file.
  opts="$opts $(sed -n "s|^java-options=||p" "$here/lib/app/Capstan.cfg" | grep -v SharedArchiveFile | tr '\n' ' ')"
  archive="$here/lib/app/console.jsa"
  [ "$cli" = 1 ] && archive="$here/lib/app/cli.jsa"
  # (the options above keep the JVM quiet about an archive it cannot use)
  [ -f "$archive" ] && opts="$opts -XX:SharedArchiveFile=$archive"
else
  java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
  cp="$here/lib/*"
  if [ "$cli" = 1 ]; then
    # No archive comes with this folder: a command's first run writes one (for this JVM and these jars) into
    # the cache, and later runs load their classes from it.
    opts="$opts -Xlog:cds=off -Xlog:cds+dynamic=off"
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
fi

if [ -z "$dump" ]; then
  exec "$java_cmd" $opts ${CAPSTAN_JAVA_OPTS:-} -Dcapstan.launcher="$self" -cp "$cp" dev.capstan.app.Launcher "$@"
fi
# The first run writes the archive under a name of its own, then moves it into place whole.
status=0
"$java_cmd" $opts ${CAPSTAN_JAVA_OPTS:-} -Dcapstan.launcher="$self" -cp "$cp" dev.capstan.app.Launcher "$@" || status=$?
[ -s "$dump" ] && mv -f "$dump" "$archive" 2>/dev/null || rm -f "$dump"
exit $status
