"""A vCard with one 15 MB PHOTO line imports in a small multiple of its size, not gigabytes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PHOTO_BYTES = 15 * 1024 * 1024

# Runs in a child whose address space is capped: should the parser blow up again, it fails with
# MemoryError there instead of taking the test machine's memory.
CHILD = r'''
import json, os, resource, sys, tracemalloc
from pathlib import Path
from careernet_ui.importers.vcard import parse_vcard

path = Path(sys.argv[1])
size = path.stat().st_size
pages = int(open('/proc/self/statm').read().split()[0])
now = pages * os.sysconf('SC_PAGE_SIZE')
cap = now + 10 * size + 64 * 1024 * 1024  # slack for the reader's buffer and the allocator's arenas
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
tracemalloc.start()
parsed = parse_vcard(path)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({'peak': peak, 'size': size, 'names': [row.contact.name for row in parsed.rows],
                  'emails': [row.contact.emails for row in parsed.rows],
                  'warnings': [w for row in parsed.rows for w in row.warnings]}))
'''


def write_card(path: Path, line: str) -> Path:
    path.write_text('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Okafor\r\n' + line + '\r\n'
                    'EMAIL:dana@example.com\r\nEND:VCARD\r\n'
                    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mei Chen\r\nEND:VCARD\r\n', encoding='ascii')
    return path


def import_in_child(path: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, '-c', CHILD, str(path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


@pytest.mark.skipif(not Path('/proc/self/statm').exists(), reason='measures the address space through /proc')
@pytest.mark.parametrize('line', [
    'PHOTO;ENCODING=b;TYPE=JPEG:' + 'A' * PHOTO_BYTES,
    'item1.PHOTO;VALUE=uri:data:image/jpeg;base64,' + 'A' * PHOTO_BYTES,
    'NOTE:' + 'A' * PHOTO_BYTES,
], ids=['photo', 'grouped-photo-uri', 'note'])
def test_a_15_mb_line_imports_within_ten_times_the_file_size(tmp_path: Path, line: str) -> None:
    answer = import_in_child(write_card(tmp_path / 'big.vcf', line))
    assert answer['names'] == ['Dana Okafor', 'Mei Chen']
    assert answer['emails'] == [['dana@example.com'], []]
    assert int(answer['peak']) <= 10 * int(answer['size'])  # type: ignore[call-overload]


def test_a_folded_photo_is_dropped_line_by_line_and_the_rest_of_the_card_kept(tmp_path: Path) -> None:
    folded = 'PHOTO;ENCODING=b;TYPE=JPEG:' + ''.join('\r\n ' + 'B' * 74 for _ in range(50))
    answer = import_in_child(write_card(tmp_path / 'folded.vcf', folded))
    assert answer['names'] == ['Dana Okafor', 'Mei Chen']
    assert answer['emails'] == [['dana@example.com'], []]
    assert answer['warnings'] == []


def test_a_long_note_is_left_out_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    answer = import_in_child(write_card(tmp_path / 'note.vcf', 'NOTE:' + 'x' * 200_000))
    assert answer['warnings'] == ['Line 4: the NOTE line is 200,005 characters long, more than CareerNet keeps; '
                                  'it was left out.']


# Thousands of tiny cards: what an address book of names, e-mails and phones exports (about 220
# bytes a card). Read, planned and previewed as the page does, warmed up first so that what is
# measured is what grows with the file.
TINY_CARDS_CHILD = r'''
import json, os, resource, sys, tracemalloc
from datetime import date
from pathlib import Path
from careernet_ui.services.import_preview import preview_rows
from careernet_ui.services.imports import prepare

path, warm = Path(sys.argv[1]), Path(sys.argv[2])
prepare('auto', warm, [], today=date(2026, 11, 25))
size = path.stat().st_size
pages = int(open('/proc/self/statm').read().split()[0])
cap = pages * os.sysconf('SC_PAGE_SIZE') + 10 * size + 64 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
tracemalloc.start()
prepared = prepare('auto', path, [], today=date(2026, 11, 25))
rows = preview_rows(prepared)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({'peak': peak, 'size': size, 'new': len(prepared.plan.new), 'shown': len(rows)}))
'''
TINY_CARDS = 1500


def tiny_card(number: int) -> str:
    return (f'BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.0//EN\r\nN:Person;Pat {number};;;\r\n'
            f'FN:Pat {number} Person\r\nEMAIL;type=INTERNET;type=HOME;type=pref:pat{number}@example.com\r\n'
            f'TEL;type=CELL;type=VOICE;type=pref:+1 555 {number:07d}\r\nEND:VCARD\r\n')


@pytest.mark.skipif(not Path('/proc/self/statm').exists(), reason='measures the address space through /proc')
def test_thousands_of_tiny_cards_are_read_and_previewed_within_ten_times_the_file_size(tmp_path: Path) -> None:
    cards = tmp_path / 'tiny.vcf'
    cards.write_text(''.join(tiny_card(number) for number in range(TINY_CARDS)), encoding='ascii', newline='')
    warm = tmp_path / 'warm.vcf'
    warm.write_text(tiny_card(0), encoding='ascii', newline='')

    result = subprocess.run([sys.executable, '-c', TINY_CARDS_CHILD, str(cards), str(warm)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout)
    assert answer['new'] == TINY_CARDS
    assert answer['peak'] <= 10 * answer['size'], answer['peak'] / answer['size']
