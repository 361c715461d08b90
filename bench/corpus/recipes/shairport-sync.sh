#!/bin/bash
# Usage: shairport-sync.sh SRC_DIR BUILD_DIR   (autotools: autoreconf in SRC_DIR, then a VPATH build in BUILD_DIR)
# Shairport Sync, the AirPlay / AirPlay 2 audio receiver: the shairport-sync daemon with AirPlay 2 (ap2_* buffered
# audio processor and event receiver, pair_ap), FFmpeg decoding, soxr interpolation, OpenSSL, Avahi mDNS, the
# metadata feed (pipe + multicast), the native D-Bus and MPRIS interfaces (GDBus codegen), the MQTT client and the
# ALSA, PulseAudio, Jack, stdout, pipe and dummy back ends (not PipeWire: Debian 12 has libpipewire 0.3.65, configure wants
# >= 1.0.5); no test clients, no libdaemon. Locks: plain pthread mutexes and rwlocks taken directly, very often
# paired with pthread cleanup handlers: pthread_cleanup_push(mutex_unlock, &m) / pthread_cleanup_pop(1) (common.c's
# mutex_unlock / rwlock_unlock callbacks), and the pthread_mutex_lock_and_cleanup_push(m) macro of common.h ('if
# (pthread_mutex_lock(m) == 0) pthread_cleanup_push(mutex_unlock, m)', closed by a later pthread_cleanup_pop(1)).
# The player's per-connection ab_mutex / flush_mutex / volume_control_mutex / reference_time_mutex (player.c),
# rtsp.c's principal_conn_lock rwlock, conns_lock and the message reference_counter_lock
# (utilities/rtsp_message_utilities.c), the metadata hub rwlock and pc_queue locks (metadata/), the buffered audio
# reader's descriptor->mutex (utilities/buffered_read.c), dacp / activity monitor locks, the r64_lock macro
# (common.h), the ALSA back end's alsa_mutex and the PulseAudio back end's pa_threaded_mainloop_lock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ make bear autoconf automake libtool pkg-config libpopt-dev libconfig-dev libasound2-dev \
  libssl-dev libsoxr-dev libavahi-client-dev libplist-dev libplist-utils libsodium-dev libgcrypt20-dev libavutil-dev libavcodec-dev \
  libavformat-dev libswresample-dev uuid-dev xxd libglib2.0-dev libmosquitto-dev libpulse-dev \
  libjack-jackd2-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
test -f "$SRC/configure" || (cd "$SRC" && autoreconf -fi)
cd "$BUILD"
CC=gcc CXX=g++ "$SRC/configure" --sysconfdir=/etc --with-alsa --with-pulseaudio --with-jack --with-stdout \
  --with-pipe --with-dummy --with-avahi --with-ssl=openssl --with-soxr --with-metadata --with-airplay-2 --with-ffmpeg \
  --with-dbus-interface --with-mpris-interface --with-mqtt-client
bear --output "$BUILD/compile_commands.json" -- make -j2
test -s "$BUILD/compile_commands.json"
