# Sourced by the benchmark scripts: picks a JDK >= 21 (JAVA_HOME if set, else the Temurin of these machines) and
# installs wrk from Debian when it is missing.
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && { export JAVA_HOME="$candidate"; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
