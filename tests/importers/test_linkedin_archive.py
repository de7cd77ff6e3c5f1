"""Reading a whole LinkedIn archive: where its files are, what is noise, and archives to refuse."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from careernet_ui.domain.interactions import Direction
from careernet_ui.importers import ImportFormatError, ImportTooLargeError
from careernet_ui.importers.archive import open_archive
from careernet_ui.importers.linkedin_history import HistoryKind, Identity, LinkedInHistory, day_of, read_history
from tests.importers.linkedin_archive import (
    DANA,
    MEI,
    OWNER_URL,
    archive_files,
    archive_zip,
    messages_csv,
)


def history_of(data: bytes, **options: object) -> LinkedInHistory:
    return read_history(open_archive(data), **options)  # type: ignore[arg-type]


def messages_with(history: LinkedInHistory, profile: str) -> list[tuple[date, Direction, int, int]]:
    return sorted((item.on, item.direction, item.sent, item.received) for item in history.items
                  if item.kind is HistoryKind.MESSAGES and item.person.profile == profile)


@pytest.mark.parametrize('style', ['2026', '2024'])
@pytest.mark.parametrize('folder', ['', 'Basic_LinkedInDataExport_03-25-2026'])
def test_both_message_styles_at_the_root_or_in_a_folder_give_the_same_conversation_days(
    style: str, folder: str
) -> None:
    history = history_of(archive_zip(folder, style))

    assert history.owner == Identity(name='Sam Rivera', profile='linkedin.com/in/sam-rivera-0001')
    assert messages_with(history, 'linkedin.com/in/dana-okafor-6305') == [
        (date(2026, 3, 20), Direction.BOTH, 1, 1),
        (date(2026, 3, 22), Direction.SENT, 1, 0),
    ]


def test_a_group_conversation_touches_whoever_wrote_or_was_written_to_and_never_the_user() -> None:
    history = history_of(archive_zip())

    assert messages_with(history, 'linkedin.com/in/luis-garcía-9779') == [(date(2026, 2, 10), Direction.BOTH, 1, 1)]
    assert messages_with(history, 'linkedin.com/in/mei-chen-9313') == [(date(2026, 2, 10), Direction.SENT, 1, 0)]
    assert all(item.person.profile != 'linkedin.com/in/sam-rivera-0001' for item in history.items)


def test_sponsored_spam_and_system_messages_are_noise_and_counted() -> None:
    history = history_of(archive_zip())

    assert history.noise['spam and sponsored messages'] == 2
    assert history.noise['system messages ("Message request accepted")'] == 1
    people = {item.person.name for item in history.items if item.kind is HistoryKind.MESSAGES}
    assert 'LinkedIn Member' not in people
    assert 'Spammy McSpam' not in people
    # Mei's only own message was "Message request accepted": no day counts as her writing.
    assert all(item.received == 0 for item in history.items if item.person.profile == 'linkedin.com/in/mei-chen-9313')


def test_recommendations_endorsements_and_invitations_are_read_by_column_name() -> None:
    history = history_of(archive_zip())
    by_kind = {kind: [item for item in history.items if item.kind is kind] for kind in HistoryKind}

    (received, _stranger) = by_kind[HistoryKind.RECOMMENDATION_RECEIVED]
    assert (received.person.name, received.person.company) == ('Kwame Mensah', 'Wayne Enterprises, Inc.')
    assert received.on == date(2024, 4, 15)
    assert received.text.startswith('Sam rebuilt our billing pipeline')
    assert '\n' in received.text
    (dana,) = [item for item in by_kind[HistoryKind.ENDORSEMENT_RECEIVED] if item.person.name == 'Dana Okafor']
    assert (dana.on, dana.text, dana.person.profile) == (date(2026, 3, 21), 'Python, SQL',
                                                           'linkedin.com/in/dana-okafor-6305')
    (given,) = by_kind[HistoryKind.ENDORSEMENT_GIVEN]
    assert given.person.profile == 'linkedin.com/in/luis-garcía-9779'
    assert given.direction is Direction.SENT
    (invitation,) = by_kind[HistoryKind.INVITATION]  # the one without a message is not a touch
    assert (invitation.person.name, invitation.on, invitation.direction) == ('Jo 🚀 Park', date(2026, 4, 6),
                                                                            Direction.SENT)
    assert history.noise['invitations without a message'] == 1


def test_columns_in_another_order_are_read_by_name() -> None:
    files = archive_files()
    header, *rows = files['Endorsement_Received_Info.csv'].decode().splitlines()
    columns = header.split(',')
    order = list(reversed(range(len(columns))))
    reordered = [','.join(columns[i] for i in order)] + [
        ','.join(f'"{cells[i]}"' for i in order) for cells in csv.reader(rows)]
    files['Endorsement_Received_Info.csv'] = '\r\n'.join(reordered).encode()

    history = history_of(archive_zip(files=files))

    skills = {item.person.name: item.text for item in history.items if item.kind is HistoryKind.ENDORSEMENT_RECEIVED}
    assert skills['Dana Okafor'] == 'Python, SQL'


def test_a_remembered_identity_wins_over_guessing() -> None:
    files = archive_files()
    del files['Invitations.csv']
    remembered = Identity(name='Sam Rivera', profile='linkedin.com/in/sam-rivera-0001')

    history = history_of(archive_zip(files=files), owner=remembered)

    assert history.owner == remembered


def test_without_invitations_the_user_is_whoever_is_in_every_conversation() -> None:
    files = archive_files()
    del files['Invitations.csv']

    history = history_of(archive_zip(files=files))

    assert history.owner.profile == 'linkedin.com/in/sam-rivera-0001'
    assert history.owner.name == 'Sam Rivera'


def test_a_message_late_in_the_evening_in_utc_is_the_next_day_in_tokyo() -> None:
    late = [('c', '', 'Dana Okafor', DANA, 'Sam Rivera', OWNER_URL, '2026-03-20 23:30:00 UTC', '', 'Hi', 'INBOX'),
            ('c', '', 'Sam Rivera', OWNER_URL, 'Mei Chen', MEI, '2026-03-20 01:00:00 UTC', '', 'Hi', 'INBOX')]
    files = archive_files()
    files['messages.csv'] = messages_csv(rows=late).encode()

    history = history_of(archive_zip(files=files), zone=ZoneInfo('Asia/Tokyo'))

    assert messages_with(history, 'linkedin.com/in/dana-okafor-6305') == [(date(2026, 3, 21), Direction.RECEIVED, 0, 1)]


@pytest.mark.parametrize(('text', 'day'), [
    ('2024-06-18 11:59:53 UTC', date(2024, 6, 18)),
    ('2026/03/21 02:06:52 UTC', date(2026, 3, 21)),
    ('04/15/24, 09:25 PM', date(2024, 4, 15)),
    ('4/6/26, 2:12 PM', date(2026, 4, 6)),
    ('not a date', None),
    ('13/45/24, 09:25 PM', None),
])
def test_linkedin_dates(text: str, day: date | None) -> None:
    assert day_of(text, UTC) == day


def test_an_unpacked_folder_reads_like_the_zip(tmp_path: Path) -> None:
    folder = tmp_path / 'Complete_LinkedInDataExport_03-25-2026'
    folder.mkdir()
    for name, data in archive_files().items():
        (folder / name).write_bytes(data)

    assert history_of(archive_zip()).items == read_history(open_archive(tmp_path)).items


def test_a_zip_that_is_not_a_linkedin_export_is_refused() -> None:
    data = archive_zip(files={'holiday.jpg': b'\xff\xd8\xff', 'notes.txt': b'hello'})

    with pytest.raises(ImportFormatError, match='not a LinkedIn data export'):
        open_archive(data)


def test_a_truncated_zip_is_refused_with_a_clear_message() -> None:
    data = archive_zip()

    with pytest.raises(ImportFormatError, match='not a complete ZIP archive'):
        open_archive(data[: len(data) // 2])


def test_a_member_name_that_climbs_out_of_the_archive_is_refused() -> None:
    files = archive_files()
    files['../../.bashrc'] = b'rm -rf ~'

    with pytest.raises(ImportFormatError, match='points outside the archive'):
        open_archive(archive_zip(files=files))


def test_a_zip_bomb_is_refused_before_it_fills_memory() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        archive.writestr('messages.csv', b'\0' * (8 * 1024 * 1024))  # 8 MB that compress to a few kB
    assert len(buffer.getvalue()) < 100_000

    with pytest.raises(ImportTooLargeError, match='ZIP bomb'):
        open_archive(buffer.getvalue(), max_uncompressed=1024 * 1024)


def test_a_zip_whose_directory_understates_the_size_is_still_stopped_while_reading() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_STORED) as archive:
        archive.writestr('messages.csv', b'x' * 4096)
    data = bytearray(buffer.getvalue())
    # Forge the central directory's uncompressed size (offset 24 of the entry) down to 10 bytes.
    central = data.rindex(b'PK\x01\x02')
    data[central + 24 : central + 28] = (10).to_bytes(4, 'little')

    with pytest.raises(ImportFormatError):
        open_archive(bytes(data), max_uncompressed=1000)


def test_a_history_file_with_the_wrong_header_names_the_file() -> None:
    files = archive_files()
    files['messages.csv'] = b'a,b,c\r\n1,2,3\r\n'

    with pytest.raises(ImportFormatError, match=r'messages\.csv has no header row'):
        history_of(archive_zip(files=files))

