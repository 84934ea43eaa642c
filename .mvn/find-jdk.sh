#!/bin/sh
# Prints the home of a JDK whose major version is at least $1 (default 21), or exits 1.
# Looks at JAVA_HOME, the java on PATH, then the usual install folders, newest first.
# Used by ./mvnw and ./concordia so that a machine whose default java is older still works.
want="${1:-21}"

major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

ok() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  m="$(major_of "$1")"
  [ -n "$m" ] && [ "$m" -ge "$want" ]
}

if [ -n "${JAVA_HOME-}" ] && ok "$JAVA_HOME"; then printf '%s\n' "$JAVA_HOME"; exit 0; fi
j="$(command -v java 2>/dev/null)" && j="$(readlink -f "$j")" && h="${j%/bin/java}" && ok "$h" && { printf '%s\n' "$h"; exit 0; }
for h in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* 2>/dev/null | sort -rV); do
  if ok "$h"; then printf '%s\n' "$h"; exit 0; fi
done
exit 1
