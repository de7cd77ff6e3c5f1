// Reads an iCalendar file with ical.js, the parser Thunderbird uses, and prints what it found as JSON:
// {"events": [{"uid", "summary", "start", "end"}]}, start and end in UTC (ISO 8601), or the date of an
// all-day event. A parse error is thrown, so node exits non-zero with the message on stderr.
// Usage: node check_ical.mjs FILE
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtimezone);
}
const when = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());
const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return { uid: event.uid, summary: event.summary, start: when(event.startDate), end: when(event.endDate) };
});
process.stdout.write(JSON.stringify({ events }));
