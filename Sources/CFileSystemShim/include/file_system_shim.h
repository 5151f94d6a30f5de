#ifndef IOR_FILE_SYSTEM_SHIM_H
#define IOR_FILE_SYSTEM_SHIM_H

/// Flushes every file system write of the file system holding `descriptor` (Linux `syncfs`,
/// a GNU extension the Swift Glibc module does not show); elsewhere, `fsync` of the descriptor.
/// Returns 0, or -1 with errno set.
int ior_sync_file_system(int descriptor);

#endif
