#!/bin/bash
# Usage: slurm.sh SRC_DIR BUILD_DIR   (autotools, configure shipped in git; out-of-tree VPATH build)
# Slurm workload manager: libslurm / libslurmfull (src/common, src/api, src/interfaces), slurmctld, slurmd,
# slurmstepd, slurmdbd, slurmrestd (with json-c / yaml / http-parser where found), the client commands
# (srun, sbatch, squeue, scontrol, sacct, ...) and the plugins whose dependencies Debian 12 provides
# (munge auth, cgroup v2 without bpf, select/cons_tres, sched/backfill, accounting_storage/slurmdbd,
# jobcomp, mpi/pmi2, ...), no sview, no mysql. Debug build. Locks: raw pthread mutexes / rwlocks /
# condition variables behind src/common/macros.h's slurm_mutex_lock / slurm_mutex_unlock / slurm_rwlock_*
# / slurm_cond_* macros (which fatal on error), and the slurmctld's lock_slurmctld / unlock_slurmctld
# (slurmctld_lock_t ordered read/write locks on config, job, node, partition, federation) plus
# assoc_mgr_lock / assoc_mgr_unlock.
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc make bear pkg-config libmunge-dev munge libjson-c-dev libyaml-dev liblz4-dev libhwloc-dev \
  libpam0g-dev libcurl4-openssl-dev libdbus-1-dev libssl-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cd "$BUILD"
"$SRC/configure" CC=gcc --disable-sview --enable-pam --without-mysql_config --disable-dependency-tracking \
  --without-bpf
bear -- make -j2
test -s "$BUILD/compile_commands.json"
