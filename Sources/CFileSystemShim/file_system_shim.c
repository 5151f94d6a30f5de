// syncfs needs _GNU_SOURCE, which Swift's view of glibc does not define.
#define _GNU_SOURCE
#include <unistd.h>

#include "file_system_shim.h"

int ior_sync_file_system(int descriptor) {
#ifdef __linux__
  return syncfs(descriptor);
#else
  return fsync(descriptor);
#endif
}
