#!/usr/bin/env bash
# Builds the installable app from what `mvn package` left in target/capstan/lib:
#  - target/app/Capstan: an app image for any Linux (its own trimmed Java, the jars, the launchers and the
#    class-data archives made here, so no run pays to make one);
#  - target/capstan_<version>_<arch>.deb (amd64 here): that image installed in /opt/capstan, with a desktop entry and
#    `capstan` on the PATH.
# Usage: package.sh BUILD_JAVA_HOME PROJECT_DIR TARGET_DIR VERSION
set -euo pipefail
project=$2 target=$3 version=$4
# The JDK whose runtime the app carries: $CAPSTAN_PACKAGE_JDK, else the newest under /usr/lib/jvm from 21 on,
# else the one building. Java 25's class-data archives still work after their folder moves (from target/ into
# /opt); 17's are refused anywhere but where they were made, so a package made with 17 starts without them.
# (DebianPackageIT runs the unpacked package with -Xshare:on, which fails if the archive is refused.)
jdk=${CAPSTAN_PACKAGE_JDK:-}
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/*/; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ -x "$candidate/bin/jpackage" ] && [ "$v" -gt "${best:-0}" ]; then
      best=$v jdk=${candidate%/}
    fi
  done
fi
jdk=${jdk:-$1}
java_version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
[ "$java_version" -ge 21 ] || echo "[package] $jdk is Java $java_version: its class-data archives only work where they were made." >&2
# JavaFX 21 loads native libraries from the class path and allocates with sun.misc.Unsafe, which Java 22 and
# 24 on warn of on every start unless allowed.
native_access=()
[ "$java_version" -ge 22 ] && native_access=(--enable-native-access=ALL-UNNAMED)
[ "$java_version" -ge 24 ] && native_access+=(--sun-misc-unsafe-memory-access=allow)
app=$target/app/Capstan
description="An operations console for containerised apps on AWS ECS"

rm -rf "$target/app" "$target"/capstan_*.deb "$target/jpackage-deb"
# The modules the app uses (jdeps over its jars), and those it reaches by name: jdk.crypto.ec for TLS to AWS,
# jdk.localedata and jdk.charsets for people's locales, jdk.zipfs for the sandbox's bundled PostgreSQL, and
# jdk.security.auth, by which that PostgreSQL learns it runs as root (and then runs in a user namespace).
"$jdk/bin/jpackage" --type app-image --dest "$target/app" --name Capstan --app-version "$version" \
  --description "$description" --vendor "Capstan" --icon "$project/icons/capstan-256.png" \
  --input "$target/capstan/lib" --main-jar capstan.jar --main-class dev.capstan.app.Launcher \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.security.auth \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  $(for option in "${native_access[@]}"; do printf -- '--java-options %s ' "$option"; done) --java-options '-XX:SharedArchiveFile=$APPDIR/console.jsa' --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off'
cp "$project/packaging/capstan.sh" "$app/bin/capstan"
chmod 755 "$app/bin/capstan"

# Class data: the runtime's own archive of the JDK's classes, then one archive on top of it for the CLI and
# one for the console, each written by a training run that loads what a start loads.
java=$app/lib/runtime/bin/java
# (made with the options the app runs with: the JVM compares them)
"$java" "${native_access[@]}" -Xshare:dump -Xlog:cds=off >/dev/null
cp=$(sed -n "s|^app.classpath=\\\$APPDIR/|$app/lib/app/|p" "$app/lib/app/Capstan.cfg" | paste -sd: -)
# The JVM options the launchers share (jpackage wrote them into the .cfg), as bin/capstan reads them too.
shared_options=$(sed -n "s|^java-options=||p" "$app/lib/app/Capstan.cfg" | grep -v SharedArchiveFile | tr '\n' ' ')
train() { # archive, then java options
  local archive=$1; shift
  "$@" $shared_options -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" dev.capstan.app.StartupTraining \
    "$(basename "$archive" .jsa)" >/dev/null 2>&1
}
train "$app/lib/app/cli.jsa" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
if [ -n "${DISPLAY:-}" ]; then
  train "$app/lib/app/console.jsa" "$java"
elif command -v xvfb-run >/dev/null; then
  train "$app/lib/app/console.jsa" xvfb-run -a "$java"
else
  echo "[package] No display and no xvfb-run: the console's class-data archive is left out (install xvfb to make it)." >&2
fi

# The Debian package of that image. fakeroot and binutils (objcopy) are what jpackage needs for it. It is
# unpacked again below, so jpackage's copy goes uncompressed (a minute saved).
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --dest "$target" --app-image "$app" --name Capstan --app-version "$version" \
  --description "$description" --vendor "Capstan" --icon "$project/icons/capstan-256.png" \
  --linux-package-name capstan --install-dir /opt --linux-package-deps libgtk-3-0 \
  --linux-shortcut --linux-menu-group "Development;System;" --linux-app-category devel

# What jpackage's package lacks, put in by unpacking and packing it again under the name the build promises
# (jpackage's own name for it changes between JDKs):
made=$(ls "$target"/capstan_*.deb)
deb=$target/capstan_${version}_$(dpkg --print-architecture).deb
unpacked=$target/jpackage-deb
rm -rf "$unpacked" && dpkg-deb -R "$made" "$unpacked" && rm -f "$made"
# - the image's timestamps: jpackage copies the files with new ones, and the JVM takes a jar with another
#   timestamp for another jar and ignores the archives;
(cd "$app" && find . -type f) | while read -r file; do
  if [ -e "$unpacked/opt/capstan/$file" ]; then touch -r "$app/$file" "$unpacked/opt/capstan/$file"; fi
done
# - capstan on the PATH, as a link dpkg owns;
mkdir -p "$unpacked/usr/bin" && ln -sfn /opt/capstan/bin/capstan "$unpacked/usr/bin/capstan"
# - maintainer scripts of our own, which install on a system with no desktop menu.
install -m 755 "$project/packaging/deb/postinst" "$project/packaging/deb/prerm" "$unpacked/DEBIAN/"
fakeroot dpkg-deb --build -Zgzip "$unpacked" "$deb" >/dev/null
rm -rf "$unpacked"
echo "$deb"
