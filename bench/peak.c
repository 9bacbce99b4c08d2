/* `make bench`'s memory meter: runs a command and writes its peak resident memory (KB) as the
 * last line of standard error, then exits with the command's status.
 *
 * The benchmark cannot ask the kernel for the peak of a child it forks itself: a child's peak
 * starts at the size of the process it was forked from (the kernel carries the old image's peak
 * across exec), and the Python driver holds the paths of a million files. This small program is
 * exec'd first, so the command it forks starts from almost nothing.
 *
 * `legality check` with several jobs runs worker processes beside itself: their memory counts
 * too. While the command has children, the proportional set size (Pss: each page shared between
 * processes, such as those the workers were forked with, counted once in all) of it and of its
 * children is summed every 20 ms, and the larger of that sum's peak and the kernel's peak of the
 * command itself is reported. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A process's proportional set size, in KB (0 once it is gone). */
static long proportional(long pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/smaps_rollup", pid);
    FILE *file = fopen(path, "r");
    if (!file) return 0;
    long kb = 0;
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "Pss:", 4) == 0) { kb = atol(line + 4); break; }
    }
    fclose(file);
    return kb;
}

/* The proportional set size of a process and its children in KB, or 0 when it has no child. */
static long tree_proportional(long pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", pid, pid);
    FILE *file = fopen(path, "r");
    if (!file) return 0;
    long child, children = 0, total = 0;
    while (fscanf(file, "%ld", &child) == 1) {
        total += proportional(child);
        children++;
    }
    fclose(file);
    return children ? total + proportional(pid) : 0;
}

/* Wakes the sampling pause when the command ends, so its end is not seen late. */
static void child_ended(int signal) { (void)signal; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: peak COMMAND [ARG...]\n"); return 2; }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = child_ended;
    sigaction(SIGCHLD, &action, NULL);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    long summed = 0;
    for (;;) {
        pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done < 0) { perror("wait4"); return 2; }
        if (done == pid) break;
        long now = tree_proportional(pid);
        if (now > summed) summed = now;
        struct timespec pause = {0, 20 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    fprintf(stderr, "%ld\n", usage.ru_maxrss > summed ? usage.ru_maxrss : summed);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
