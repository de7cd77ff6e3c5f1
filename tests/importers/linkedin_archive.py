"""A small LinkedIn archive written as LinkedIn writes it: headers, quoting, date formats, BOM and CRLF.

The user is Sam Rivera. Connections: Dana Okafor, Luis García, Mei Chen, Kwame Mensah, Jo 🚀 Park.
messages.csv comes in the 2026 style (every field quoted, ATTACHMENTS, BOM, CRLF) or the 2024
style (quoted only where needed, no ATTACHMENTS, LF).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

OWNER_URL = 'https://www.linkedin.com/in/sam-rivera-0001'
DANA = 'https://www.linkedin.com/in/dana-okafor-6305'
LUIS = 'https://www.linkedin.com/in/luis-garc%C3%ADa-9779'  # percent-encoded in messages, as LinkedIn writes it
MEI = 'https://www.linkedin.com/in/mei-chen-9313'
JO = 'https://www.linkedin.com/in/jo-park-42'
STRANGER = 'https://www.linkedin.com/in/zed-stranger-77'

# The days each contact's last LinkedIn exchange falls on (the user's zone is UTC).
LAST_DANA = date(2026, 3, 22)

CONNECTIONS = (
    'Notes:\r\n'
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download '
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more '
    'here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    '\r\n'
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
    'Dana,Okafor,https://www.linkedin.com/in/dana-okafor-6305,dana.okafor@example.com,Initech,Staff Engineer,'
    '21 Jan 2013\r\n'
    'Luis,García,https://www.linkedin.com/in/luis-garcía-9779,,Globex,Data Scientist,19 Jan 2026\r\n'
    'Mei,Chen,https://www.linkedin.com/in/mei-chen-9313,,Umbrella Health,Engineering Manager,03 Jul 2018\r\n'
    'Kwame,"Mensah, PhD",https://www.linkedin.com/in/kwame-mensah-4078,,"Wayne Enterprises, Inc.",'
    'Senior Software Engineer,18 Dec 2013\r\n'
    'Jo 🚀,Park,https://www.linkedin.com/in/jo-park-42,,Pied Piper,Founder,06 Apr 2026\r\n'
)

_MESSAGE_HEADER_2026 = ('"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
                        '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS"')
_MESSAGE_HEADER_2024 = ('CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,'
                        'DATE,SUBJECT,CONTENT,FOLDER')

# (conversation, title, from, sender url, to, recipient urls, date, subject, content, folder)
MESSAGES = [
    ('2-dana', '', 'Dana Okafor', DANA, 'Sam Rivera', OWNER_URL, '2026-03-20 09:00:00 UTC', '',
     'Hi Sam,\nhow are you? "Quoted", and a comma.', 'INBOX'),
    ('2-dana', '', 'Sam Rivera', OWNER_URL, 'Dana Okafor', DANA, '2026-03-20 10:15:00 UTC', '',
     'Great, thanks!\nLet us talk next week.', 'INBOX'),
    ('2-dana', '', 'Sam Rivera', OWNER_URL, 'Dana Okafor', DANA, '2026-03-22 08:00:00 UTC', '', 'Thanks!', 'INBOX'),
    ('2-group', 'Launch crew', 'Sam Rivera', OWNER_URL, 'Luis García;Mei Chen', f'{LUIS};{MEI}',
     '2026-02-10 12:00:00 UTC', '', 'Kick-off at 3?', 'INBOX'),
    ('2-group', 'Launch crew', 'Luis García', LUIS, 'Sam Rivera;Mei Chen', f'{OWNER_URL};{MEI}',
     '2026-02-10 12:30:00 UTC', '', 'Works for me 👍', 'INBOX'),
    ('2-mei', '', 'Mei Chen', MEI, 'Sam Rivera', OWNER_URL, '2026-01-05 09:00:00 UTC', '',
     'Message request accepted', 'INBOX'),
    ('2-sponsored', 'Sponsored Conversation', 'LinkedIn Member', '', 'Sam Rivera', OWNER_URL,
     '2026-03-01 09:00:00 UTC', 'Grow your career', 'Try Premium free for a month!', 'INBOX'),
    ('2-stranger', '', 'Zed Stranger', STRANGER, 'Sam Rivera', OWNER_URL, '2026-03-02 09:00:00 UTC', '',
     'Hi! Are you hiring?', 'INBOX'),
    ('2-spam', '', 'Spammy McSpam', 'https://www.linkedin.com/in/spammy', 'Sam Rivera', OWNER_URL,
     '2026-03-03 09:00:00 UTC', '', 'Buy followers', 'SPAM'),
]


def messages_csv(style: str = '2026', rows: Sequence[Sequence[str]] = MESSAGES) -> str:
    """messages.csv as LinkedIn wrote it in 2026 (all quoted, ATTACHMENTS, CRLF) or 2024 (minimal quoting, LF)."""
    if style == '2026':
        lines = [_MESSAGE_HEADER_2026] + [','.join(_quote(cell) for cell in (*row, '')) for row in rows]
        return '\r\n'.join(lines) + '\r\n'
    lines = [_MESSAGE_HEADER_2024] + [','.join(_minimal(cell) for cell in row) for row in rows]
    return '\n'.join(lines) + '\n'


RECOMMENDATIONS_RECEIVED = (
    'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\r\n'
    'Kwame,"Mensah, PhD","Wayne Enterprises, Inc.",Senior Software Engineer,"Sam rebuilt our billing pipeline '
    'and cut failed payments by 40%.\nI would hire Sam again in a heartbeat.","04/15/24, 09:25 PM",VISIBLE\r\n'
    'Zed,Stranger,Nowhere,CEO,"Great person.","05/01/24, 10:00 AM",VISIBLE\r\n'
)
RECOMMENDATIONS_GIVEN = (
    'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\r\n'
    'Mei,Chen,Umbrella Health,Engineering Manager,"Mei is the manager everyone wants.","11/02/25, 07:05 AM",VISIBLE\r\n'
)
ENDORSEMENTS_RECEIVED = (
    'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\r\n'
    '2026/03/21 02:06:52 UTC,Python,Dana,Okafor,www.linkedin.com/in/dana-okafor-6305,ACCEPTED\r\n'
    '2026/03/21 02:06:53 UTC,SQL,Dana,Okafor,www.linkedin.com/in/dana-okafor-6305,ACCEPTED\r\n'
    '2025/07/01 10:00:00 UTC,Leadership,Kwame,"Mensah, PhD",www.linkedin.com/in/kwame-mensah-4078,ACCEPTED\r\n'
)
ENDORSEMENTS_GIVEN = (
    'Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\r\n'
    '2025/12/01 18:30:00 UTC,Machine Learning,Luis,García,www.linkedin.com/in/luis-garcía-9779,ACCEPTED\r\n'
)
INVITATIONS = (
    'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n'
    f'Sam Rivera,Jo 🚀 Park,"4/6/26, 2:12 PM","Hi Jo, great talk at PyCon!",OUTGOING,{OWNER_URL},{JO}\r\n'
    f'Zed Stranger,Sam Rivera,"4/7/26, 9:00 AM",,INCOMING,{STRANGER},{OWNER_URL}\r\n'
)


def archive_files(style: str = '2026') -> dict[str, bytes]:
    """Every file of the archive, by its name in the ZIP, encoded as LinkedIn does (with BOMs where it does)."""
    bom = '\ufeff' if style == '2026' else ''
    return {
        'Connections.csv': CONNECTIONS.encode('utf-8'),
        'messages.csv': (bom + messages_csv(style)).encode('utf-8'),
        'Recommendations_Received.csv': RECOMMENDATIONS_RECEIVED.encode('utf-8'),
        'Recommendations_Given.csv': RECOMMENDATIONS_GIVEN.encode('utf-8'),
        'Endorsement_Received_Info.csv': ENDORSEMENTS_RECEIVED.encode('utf-8'),
        'Endorsement_Given_Info.csv': ENDORSEMENTS_GIVEN.encode('utf-8'),
        'Invitations.csv': INVITATIONS.encode('utf-8'),
        'Profile.csv': b'First Name,Last Name\r\nSam,Rivera\r\n',  # read by no one: ignored
    }


def archive_zip(folder: str = '', style: str = '2026', files: dict[str, bytes] | None = None) -> bytes:
    """The archive as a ZIP, its files at the root or in ``folder``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, data in (archive_files(style) if files is None else files).items():
            archive.writestr(f'{folder}/{name}' if folder else name, data)
    return buffer.getvalue()


def write_archive(path: Path, folder: str = '', style: str = '2026') -> Path:
    """Write the ZIP to ``path`` and return it."""
    path.write_bytes(archive_zip(folder, style))
    return path


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _minimal(cell: str) -> str:
    return _quote(cell) if any(char in cell for char in ',"\n\r') else cell
