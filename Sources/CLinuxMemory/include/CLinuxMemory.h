#ifndef IVRC_C_LINUX_MEMORY_H
#define IVRC_C_LINUX_MEMORY_H

/* glibc's malloc_trim, which Glibc's Swift module does not export (malloc.h is not in it). */

/// Hands the free pages of every malloc arena back to the system; returns 1 if any were.
int ivrc_release_free_memory(void);

#endif
