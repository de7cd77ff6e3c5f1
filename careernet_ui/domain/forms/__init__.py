"""Form objects: what a person typed, as strings, turned into records with a message per bad field.

One module per record it makes (``contact``, ``accomplishment``, ``application``, ``feedback``,
``introduction``, ``cadence`` for the Settings cards); ``fields`` has the parsing they share.
The calendar's settings form lives with the calendar (``careernet_ui/calendar/settings.py``).
"""

from .fields import parse_date, parse_float, parse_int, split_list

__all__ = ['parse_date', 'parse_float', 'parse_int', 'split_list']
