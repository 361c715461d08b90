#!/bin/bash
# Usage: proftpd.sh SRC_DIR BUILD_DIR   (autoconf; in-tree only, so SRC_DIR minus .git is copied into BUILD_DIR
# first and the compile database's paths point into BUILD_DIR)
# ProFTPD (proftpd/proftpd), the FTP / FTPS / SFTP server: proftpd itself (src/, lib/), the utilities (ftpwho,
# ftpcount, ftpdctl, ftpscrub, ftpshut, ftptop) and the static modules mod_ctrls, mod_lang, mod_ifsession plus
# mod_sftp, mod_tls, mod_tls_shmcache, mod_ban, mod_quotatab (+ _file), mod_shaper, mod_sql (+ _sqlite,
# _passwd), mod_copy, mod_deflate, mod_exec, mod_readme, mod_rewrite, mod_site_misc, mod_statcache,
# mod_unique_id, mod_log_forensic, mod_ratio, mod_qos, mod_dynmasq, mod_digest; OpenSSL, PCRE2, NLS, controls;
# built -O0 -g. (The snapshot may lack tests/t/etc/modules/mod_geoip/GeoLiteCity.dat, over the size limit; it
# is test data only.) Locks: ProFTPD is a forking server with no threads; its locks are fcntl() record locks
# (pr_scoreboard_entry_lock / pr_lock_scoreboard, mod_quotatab's quotatab_mutex_lock(F_WRLCK / F_UNLCK),
# the shared-memory tables of mod_ban / mod_shaper / mod_tls_shmcache / mod_statcache guarded by fcntl locks,
# mod_sftp's fxp_handle_lock for SFTP LOCK requests), which lockcheck's rules do not describe.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear libssl-dev libpcre2-dev libsqlite3-dev zlib1g-dev libncurses-dev gettext \
  libacl1-dev libattr1-dev libidn2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
CC=gcc CFLAGS="-g -O0" ./configure --enable-ctrls --enable-openssl --enable-nls --enable-pcre2 \
  --with-modules=mod_sftp:mod_tls:mod_tls_shmcache:mod_ban:mod_quotatab:mod_quotatab_file:mod_shaper:mod_sql:mod_sql_sqlite:mod_sql_passwd:mod_copy:mod_deflate:mod_exec:mod_ifsession:mod_readme:mod_rewrite:mod_site_misc:mod_statcache:mod_unique_id:mod_log_forensic:mod_ratio:mod_qos:mod_dynmasq:mod_digest
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
