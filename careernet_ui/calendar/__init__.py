"""The calendar feed, the feature a user subscribes to: everything about it lives here.

* ``events``: follow-ups laid out as calendar events (one per follow-up, or a day's digest).
* ``marks``: the SEQUENCE/DTSTAMP each event carries, moved on only when it changes.
* ``settings``: the Calendar page's settings form (time, alarm, horizon, digest, time zone).
* ``feed``: rendering the events as iCalendar bytes (the ETag, the agenda preview).
* ``service``: ``CalendarFeed``, the one way every caller gets the feed (and stores its marks).
* ``route``: the secret ``/calendar/<token>.ics`` address; ``file``: the ``--ics-file`` writer.
* ``zones``: the time zones offered and written into the feed.

``events``, ``marks`` and ``settings`` are pure rules (no NiceGUI, no TinyDB), like ``domain``.
The Calendar page (``pages/calendar.py``) and ``export-ics`` (``commands/``) import from here.
"""
