/* SPDX-License-Identifier: MIT
 * driver: runs the pipeline (parse -> cfg -> lockset -> checks) over the
 * jobs on worker threads, each with its own CXIndex and a large stack,
 * and hands findings and input errors to the collector. Owns the per-TU
 * arena and the libclang translation unit. */
#ifndef LC_DRIVER_H
#define LC_DRIVER_H

#include "input/cdb.h"
#include "input/cli.h"
#include "model/finding.h"
#include "model/model.h"

/* Contracts inferred for the functions other files can call (not static),
 * gathered over a run: a rules entry each, in the sink's arena. */
struct summary_sink {
    pthread_mutex_t mu;
    struct arena *a;
    struct strmap rules; /* name -> struct lock_rule */
};

void summary_sink_init(struct summary_sink *s);
/* Whether a sink's entry is a contract to use: not a function without
 * one, nor one whose definitions in several files disagree. */
bool summary_sink_usable(const struct lock_rule *r);
void summary_sink_free(struct summary_sink *s);

/* Runs every job; returns after all workers are done. The collector holds
 * the results (unsorted). With a sink, inferred contracts go there too; with
 * infer_only, nothing is checked (the first pass of --cross-tu). */
void driver_run(const struct lc_options *o, const struct model *m, const struct job_list *jobs,
                struct collector *c, struct summary_sink *sink, bool infer_only);

/* Number of online processors (at least 1). */
unsigned driver_default_jobs(void);

#endif
