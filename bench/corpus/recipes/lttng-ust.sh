#!/bin/bash
# Usage: lttng-ust.sh SRC_DIR BUILD_DIR   (autotools, VPATH out-of-tree build; ./bootstrap runs in SRC_DIR)
# NOTE: SRC_DIR must be at tag v2.14.2: master/2.15+ need liburcu >= 0.15, Debian 12 ships liburcu 0.13.2.
# pthreads are mandatory (AX_PTHREAD) and liburcu comes from Debian. Enabled as Debian packages it:
# NUMA, SystemTap sdt.h, JNI interface + Java agents (JUL, log4j 1.x, log4j 2.x), Python agent, examples.
# Man pages disabled (asciidoc/xmlto docs only). CMake compiler-probe entries are removed from the database.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear pkg-config autoconf automake libtool liburcu-dev libnuma-dev \
  systemtap-sdt-dev python3 python3-setuptools default-jdk-headless liblog4j1.2-java liblog4j2-java; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && ./bootstrap)
cd "$BUILD"
"$SRC/configure" --enable-numa --with-sdt --enable-jni-interface --enable-java-agent-all \
  --enable-python-agent --enable-examples --disable-man-pages PYTHON=/usr/bin/python3 \
  CLASSPATH="/usr/share/java/log4j-1.2.jar:/usr/share/java/log4j-api.jar:/usr/share/java/log4j-core.jar"
bear -- make -j2
# the cmake-based example probes the compiler; drop CMake's compiler-id/ABI probe files from the database
/usr/bin/python3 - "$BUILD/compile_commands.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
d = [e for e in d if '/CMakeFiles/' not in e['file'] and not e['file'].startswith('/usr/share/cmake')]
json.dump(d, open(p, 'w'), indent=1)
PY
test -s "$BUILD/compile_commands.json"
