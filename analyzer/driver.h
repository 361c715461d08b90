/* SPDX-License-Identifier: MIT
 * driver: runs the pipeline (parse -> cfg -> lockset -> checks) over the
 * jobs on worker threads, each with its own CXIndex and a large stack,
 * and hands findings and input errors to the collector. Owns the per-TU
 * arena and the libclang translation unit. */
#ifndef LC_DRIVER_H
#define LC_DRIVER_H

#include "cdb.h"
#include "cli.h"
#include "finding.h"
#include "model.h"

/* Runs every job; returns after all workers are done. The collector holds
 * the results (unsorted). */
void driver_run(const struct lc_options *o, const struct model *m, const struct job_list *jobs,
                struct collector *c);

/* Number of online processors (at least 1). */
unsigned driver_default_jobs(void);

#endif
