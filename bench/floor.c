/* The floor of `make bench`: a minimal program that only pulls libyaml's events from every
 * file named on standard input (one path a line), as fast as libyaml can. legality cannot
 * check a file faster than this parses it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

int main(void) {
    char path[4096];
    unsigned long events = 0, files = 0;
    static unsigned char buffer[1 << 20];
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 2; }
        unsigned char *data = buffer;
        size_t cap = sizeof buffer, len = 0, n;
        unsigned char *heap = NULL;
        while ((n = fread(data + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap) {
                cap *= 2;
                heap = heap ? realloc(heap, cap) : memcpy(malloc(cap), buffer, len);
                data = heap;
            }
        }
        fclose(f);
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, data, len);
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) break;
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&parser);
        free(heap);
        files++;
    }
    fprintf(stderr, "%lu files, %lu events\n", files, events);
    return 0;
}
