#!/bin/bash
# Usage: libnice.sh SRC_DIR BUILD_DIR   (meson + ninja, out of tree)
# libnice, the ICE (RFC 5245 / 8445) library: the agent (candidate gathering, connectivity checks, discovery, TURN /
# TCP / pseudo-TCP components, I/O streams), the STUN library and its tools (stunbdc, stund), the GStreamer nicesrc
# / nicesink elements, the examples and the tests. OpenSSL crypto, no UPnP, no introspection. Debug build. Locks:
# GLib mutexes: the agent lock taken through agent_lock() / agent_unlock() (agent.c, wrapping g_mutex_lock /
# g_mutex_unlock on agent->agent_mutex) and agent_unlock_and_emit() (releases it, then emits the queued signals),
# held across the conncheck.c / discovery.c / component.c callbacks; component.c's per-component io_mutex; the UDP /
# TCP / TURN sockets' mutexes (udp-bsd.c's priv->mutex, tcp-bsd.c's and udp-turn.c's static mutex); the GStreamer
# elements' GST_OBJECT_LOCK and their own mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc meson ninja-build pkg-config libglib2.0-dev libssl-dev libgstreamer1.0-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
CC=gcc meson setup "$BUILD" "$SRC" --buildtype=debug -Dgupnp=disabled -Dgstreamer=enabled \
  -Dcrypto-library=openssl -Dintrospection=disabled -Dgtk_doc=disabled -Dexamples=enabled -Dtests=enabled
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
