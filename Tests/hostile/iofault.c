/*
 * iofault.so: fails one I/O call of a real `coledger` process, for the I/O-error suite
 * (Tests/hostile/test_io_faults.py). Loaded with LD_PRELOAD; it wraps libc's calls that SQLite,
 * libsodium's callers and Foundation use on regular files.
 *
 *   COLEDGER_FAULT_OP   write | fsync | read   which kind of call to fail
 *   COLEDGER_FAULT_AT   N                      fail the N-th such call on a regular file (1-based)
 *   COLEDGER_FAULT_HIT  PATH                   created when the fault fires (so a test knows it did)
 *   COLEDGER_FAULT_COUNT PATH                  at exit, the number of such calls made (for choosing N)
 *
 * The N-th call returns -1 with errno EIO; every other call goes through unchanged. Only regular
 * files count, so the process can still print its error on stdout/stderr (pipes or terminals).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum op { OP_NONE, OP_WRITE, OP_FSYNC, OP_READ };

static enum op fault_op(void) {
    static int cached = -1;
    if (cached < 0) {
        const char *s = getenv("COLEDGER_FAULT_OP");
        cached = !s ? OP_NONE : !strcmp(s, "write") ? OP_WRITE : !strcmp(s, "fsync") ? OP_FSYNC
            : !strcmp(s, "read") ? OP_READ : OP_NONE;
    }
    return (enum op)cached;
}

static atomic_long calls;

static int regular(int fd) {
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

static void write_count(void) __attribute__((destructor));
static void write_count(void) {
    const char *path = getenv("COLEDGER_FAULT_COUNT");
    if (!path || fault_op() == OP_NONE) return;
    int (*real_open)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    ssize_t (*real_write)(int, const void *, size_t) = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    int fd = real_open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    char text[32];
    int len = snprintf(text, sizeof text, "%ld\n", (long)atomic_load(&calls));
    real_write(fd, text, (size_t)len);
    close(fd);
}

/* 1 when this call is the one to fail. */
static int should_fail(enum op op, int fd) {
    if (fault_op() != op || !regular(fd)) return 0;
    const char *at = getenv("COLEDGER_FAULT_AT");
    long n = at ? atol(at) : 0;
    if (atomic_fetch_add(&calls, 1) + 1 != n) return 0;
    const char *hit = getenv("COLEDGER_FAULT_HIT");
    if (hit) {
        int (*real_open)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
        int h = real_open(hit, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (h >= 0) close(h);
    }
    errno = EIO;
    return 1;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef int (*sync_fn)(int);
typedef ssize_t (*read_fn)(int, void *, size_t);
typedef ssize_t (*pread_fn)(int, void *, size_t, off_t);
typedef ssize_t (*pread64_fn)(int, void *, size_t, off64_t);

#define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write, write_fn);
    return should_fail(OP_WRITE, fd) ? -1 : real_write(fd, buf, n);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite, pwrite_fn);
    return should_fail(OP_WRITE, fd) ? -1 : real_pwrite(fd, buf, n, off);
}
ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off) {
    REAL(pwrite64, pwrite64_fn);
    return should_fail(OP_WRITE, fd) ? -1 : real_pwrite64(fd, buf, n, off);
}
ssize_t writev(int fd, const struct iovec *iov, int cnt) {
    REAL(writev, writev_fn);
    return should_fail(OP_WRITE, fd) ? -1 : real_writev(fd, iov, cnt);
}
int fsync(int fd) {
    REAL(fsync, sync_fn);
    return should_fail(OP_FSYNC, fd) ? -1 : real_fsync(fd);
}
int fdatasync(int fd) {
    REAL(fdatasync, sync_fn);
    return should_fail(OP_FSYNC, fd) ? -1 : real_fdatasync(fd);
}
ssize_t read(int fd, void *buf, size_t n) {
    REAL(read, read_fn);
    return should_fail(OP_READ, fd) ? -1 : real_read(fd, buf, n);
}
ssize_t pread(int fd, void *buf, size_t n, off_t off) {
    REAL(pread, pread_fn);
    return should_fail(OP_READ, fd) ? -1 : real_pread(fd, buf, n, off);
}
ssize_t pread64(int fd, void *buf, size_t n, off64_t off) {
    REAL(pread64, pread64_fn);
    return should_fail(OP_READ, fd) ? -1 : real_pread64(fd, buf, n, off);
}
