#!/bin/bash
# Usage: kvmtool.sh SRC_DIR BUILD_DIR   (kvmtool's own Makefile builds in the source tree only, so SRC_DIR minus .git
# is copied into BUILD_DIR and built there; the compile database's paths point into BUILD_DIR)
# kvmtool, the lightweight KVM host tool (lkvm): x86 target, with the optional GTK3, VNC (libvncserver), SDL 1.2,
# zlib, libaio and BFD (symbol lookup) parts that Debian 12 has, plus the guest init. Locks: the kernel-alike
# struct mutex API of include/kvm/mutex.h (static inline mutex_lock / mutex_unlock over pthread_mutex_*, die() on
# error; DEFINE_MUTEX), used by the virtio devices (vdev->mutex, net/blk/console/9p/scsi), the IRQ and ioport
# trees, the terminal, the framebuffer and the VCPU pause logic (pause_lock in kvm.c, kvm__pause/kvm__continue
# return holding / releasing it), plus the kernel-style rwsem of include/kvm/rwsem.h (down_read / up_read /
# down_write / up_write over pthread_rwlock_*), and a few raw pthread mutexes.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libaio-dev zlib1g-dev libvncserver-dev libsdl1.2-dev libgtk-3-dev \
  binutils-dev linux-libc-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
(cd "$SRC" && tar --exclude=.git -cf - .) | (cd "$BUILD" && tar xf -)
cd "$BUILD"
bear --output "$BUILD/compile_commands.json" -- make -j2 CC=gcc
test -s "$BUILD/compile_commands.json"
