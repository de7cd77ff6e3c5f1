/* Reads an iCalendar file with libical, the parser Evolution and GNOME use, and reports what it found.

   Usage: ical_check FILE
   Prints one "ERROR <text>" line per X-LIC-ERROR libical's parser or icalrestriction_check()
   left in the calendar, then one "EVENT <uid> <start> <end>" line per VEVENT, with its start and
   end as libical computes them, converted to UTC (YYYYMMDDTHHMMSSZ), or the date for all-day
   events. Exits 0 when the file was read, 2 when it could not be. Built by the tests with cc. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, file) != (size_t)size) { fclose(file); free(text); return NULL; }
    text[size] = '\0';
    fclose(file);
    return text;
}

static void print_errors(icalcomponent *component) {
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p != NULL;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        printf("ERROR %s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(component)),
               icalproperty_get_xlicerror(p));
    }
    for (icalcomponent *c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c != NULL;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        print_errors(c);
    }
}

static const char *in_utc(struct icaltimetype t) {
    if (icaltime_is_null_time(t)) return "none";
    if (t.is_date) return icaltime_as_ical_string(t);
    return icaltime_as_ical_string(icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone()));
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: ical_check FILE\n"); return 2; }
    char *text = read_file(argv[1]);
    if (text == NULL) { fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
    icalcomponent *calendar = icalparser_parse_string(text);
    free(text);
    if (calendar == NULL || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
        printf("ERROR not a VCALENDAR\n");
        return 0;
    }
    if (!icalrestriction_check(calendar)) printf("ERROR icalrestriction_check failed\n");
    print_errors(calendar);
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e != NULL;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        /* Two calls: icaltime_as_ical_string hands back a buffer of its own each time. */
        char *start = icalmemory_strdup(in_utc(icalcomponent_get_dtstart(e)));
        printf("EVENT %s %s %s\n", icalcomponent_get_uid(e), start, in_utc(icalcomponent_get_dtend(e)));
        free(start);
    }
    icalcomponent_free(calendar);
    return 0;
}
