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
