/* ics.c — the agenda as iCalendar; see ics.h. */
#include "tui/ics.h"

#include <ctype.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"

/* Europe/Amsterdam by the EU rule since 1996 (as core/datum computes it):
 * written out, because libical's built-in zone carries every change since
 * 1835 under a TZID of its own ("/freeassociation.sourceforge.net/…") that
 * calendar programs show as is. */
static const char vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:" DATUM_TZ "\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19960331T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19961027T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

/* d at minutes m, local time of the TZID it is written with. */
static struct icaltimetype at(struct datum d, int m)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = d.y;
	t.month = d.m;
	t.day = d.d;
	t.hour = m / 60;
	t.minute = m % 60;
	t.is_date = 0;
	return t;
}

/* A DTSTART/DTEND property with its TZID. */
static icalproperty *timed(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(DATUM_TZ));
	return p;
}

int ics_agenda(const struct agenda_vergadering_rij *v, int n, const char *org_code, char **out, struct err *e)
{
	icalcomponent *cal, *zone = icalparser_parse_string(vtimezone);
	struct icaltimetype stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
	char org[32], *s;
	size_t i;

	*out = NULL;
	if (!zone)
		return err_set(e, "onvoldoende geheugen");
	for (i = 0; org_code[i] && i + 1 < sizeof org; i++)
		org[i] = (char)tolower((unsigned char)org_code[i]);
	org[i] = '\0';
	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
				  icalproperty_new_prodid("-//balie//agenda van de commissies//NL"),
				  icalproperty_new_calscale("GREGORIAN"), (void *)0);
	if (!cal) {
		icalcomponent_free(zone);
		return err_set(e, "onvoldoende geheugen");
	}
	icalcomponent_add_component(cal, zone);
	for (int k = 0; k < n; k++) {
		const struct agenda_vergadering_rij *r = &v[k];
		char uid[96], summary[96], desc[256], dl[DATUM_BUFLEN];
		icalcomponent *ev = icalcomponent_new_vevent();

		snprintf(uid, sizeof uid, "vergadering-%ld@%s.balie", r->id, org);
		/* counts only: an .ics leaves balie, a pupil's name never does */
		snprintf(summary, sizeof summary, "%s, %d %s", r->commissie, r->gepland, r->gepland == 1 ? "zaak" : "zaken");
		snprintf(desc, sizeof desc, "%s. %d van %d plaatsen bezet. Aanleverdeadline %s.", r->commissie, r->gepland,
			 r->capaciteit, datum_format(r->deadline, dl));
		icalcomponent_add_property(ev, icalproperty_new_uid(uid));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
		icalcomponent_add_property(ev, icalproperty_new_sequence(r->version));
		icalcomponent_add_property(ev, timed(icalproperty_new_dtstart(at(r->datum, r->start))));
		icalcomponent_add_property(ev, timed(icalproperty_new_dtend(at(r->datum, r->eind))));
		icalcomponent_add_property(ev, icalproperty_new_summary(summary));
		icalcomponent_add_property(ev, icalproperty_new_description(desc));
		if (r->link[0] || r->locatie[0])
			icalcomponent_add_property(ev, icalproperty_new_location(r->link[0] ? r->link : r->locatie));
		icalcomponent_add_property(ev, icalproperty_new_status(r->geannuleerd ? ICAL_STATUS_CANCELLED
										      : ICAL_STATUS_CONFIRMED));
		icalcomponent_add_component(cal, ev);
	}
	s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!s)
		return err_set(e, "iCalendar maken mislukt");
	*out = s;
	return 0;
}
