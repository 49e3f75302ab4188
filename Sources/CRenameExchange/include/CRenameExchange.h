#ifndef IVRC_C_RENAME_EXCHANGE_H
#define IVRC_C_RENAME_EXCHANGE_H

/// Swaps the directory entries `first` and `second` in one step (Linux renameat2 with
/// RENAME_EXCHANGE): both names exist before, during and after. Swift cannot call it
/// directly: Glibc's module does not export renameat2, and syscall() is variadic.
/// Returns 0, or -1 with errno set.
int ivrc_rename_exchange(const char *first, const char *second);

#endif
