#ifndef IVRC_C_LINUX_FILE_SYSTEM_H
#define IVRC_C_LINUX_FILE_SYSTEM_H

/* Linux calls Swift cannot reach: Glibc's Swift module does not export these GNU
   extensions, and syscall() is variadic. Both return 0, or -1 with errno set. */

/// Swaps the directory entries `first` and `second` in one step (renameat2 with
/// RENAME_EXCHANGE): both names exist before, during and after.
int ivrc_rename_exchange(const char *first, const char *second);

/// Flushes the whole file system holding the open file `descriptor` (syncfs): one call for
/// thousands of new files, where an fsync each costs a journal commit each.
int ivrc_sync_file_system(int descriptor);

#endif
