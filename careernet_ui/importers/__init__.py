"""Import contacts from LinkedIn, vCard and CSV files, plan the merge, and export them again.

Pure functions on bytes, text and domain records: no UI and no storage. A page or the command
line reads the upload, calls a parser, shows the :class:`ImportPlan`, and stores what the user
accepts.
"""

from .contacts_csv import parse_contacts_csv, parse_contacts_csv_text
from .detect import parse_import
from .errors import ImportFormatError, ImportTooLargeError
from .export_csv import contacts_to_csv
from .export_vcard import contacts_to_vcard
from .linkedin import parse_linkedin_csv, parse_linkedin_text
from .merge import Merge, merge_contact
from .plan import ImportPlan, MatchedContact, PossibleDuplicate, merge_within_file, plan_import
from .results import ParsedFile, ParsedRow, SkippedRow
from .source import DEFAULT_MAX_BYTES, ImportSource, read_text
from .template_csv import EXPORT_COLUMNS, TEMPLATE_COLUMNS
from .vcard import parse_vcard, parse_vcard_text

__all__ = [
    'DEFAULT_MAX_BYTES',
    'EXPORT_COLUMNS',
    'TEMPLATE_COLUMNS',
    'ImportFormatError',
    'ImportPlan',
    'ImportSource',
    'ImportTooLargeError',
    'MatchedContact',
    'Merge',
    'ParsedFile',
    'ParsedRow',
    'PossibleDuplicate',
    'SkippedRow',
    'contacts_to_csv',
    'contacts_to_vcard',
    'merge_contact',
    'merge_within_file',
    'parse_contacts_csv',
    'parse_contacts_csv_text',
    'parse_import',
    'parse_linkedin_csv',
    'parse_linkedin_text',
    'parse_vcard',
    'parse_vcard_text',
    'plan_import',
    'read_text',
]
