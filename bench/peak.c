/* `make bench`'s memory meter: runs a command and writes its peak resident memory (KB) as the
 * last line of standard error, then exits with the command's status.
 *
 * The benchmark cannot ask the kernel for the peak of a child it forks itself: a child's peak
 * starts at the size of the process it was forked from (the kernel carries the old image's peak
 * across exec), and the Python driver holds the paths of a million files. This small program is
 * exec'd first, so the command it forks starts from almost nothing. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: peak COMMAND [ARG...]\n"); return 2; }
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("wait4"); return 2; }
    fprintf(stderr, "%ld\n", usage.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
