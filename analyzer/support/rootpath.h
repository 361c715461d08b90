/* SPDX-License-Identifier: MIT
 * rootpath: where a run's paths are measured from. Fingerprints and SARIF
 * locations name files relative to the project's root, not to the current
 * directory, so that a run from a subfolder gives the same fingerprints
 * (a baseline still matches) and the same SARIF paths. */
#ifndef LC_ROOTPATH_H
#define LC_ROOTPATH_H

struct arena;

/* The project's root: the nearest folder upward from the current
 * directory that holds a `.git`, else the folder of the configuration
 * file when there is one, else the current directory. Absolute,
 * normalised. */
const char *rootpath_find(struct arena *a, const char *config_path);

/* path (absolute, or relative to the current directory) relative to root
 * when it lies under it, else absolute; `.` and `..` resolved by their
 * text (no symbolic link is followed). */
const char *rootpath_relative(struct arena *a, const char *path, const char *root);

#endif
