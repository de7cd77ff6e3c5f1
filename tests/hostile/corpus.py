"""The hostile corpus: data files, backups and import files built to break CareerNet.

Generated here, in memory or into a folder, rather than committed as binaries. Run
``python -m tests.hostile.corpus OUT_DIR`` to write every file for a look by hand.

Each collection maps a file name to its bytes. Names say what is wrong with the file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONTACT_ID = 'a' * 32
DEEP = 100_000
HUGE_DIGITS = 5_000


def contact(**changes: Any) -> dict[str, Any]:
    """A valid stored contact document, with ``changes`` applied (None removes a field)."""
    doc: dict[str, Any] = {
        'id': CONTACT_ID, 'created_at': '2026-01-01T00:00:00+00:00', 'updated_at': '2026-01-01T00:00:00+00:00',
        'name': 'Dana Okafor', 'role': 'mentor', 'organisation': 'Acme', 'title': '', 'emails': ['dana@example.com'],
        'phones': [], 'links': [], 'how_we_met': '', 'tags': [], 'notes': '', 'stage': 'contact',
        'stage_history': [], 'cadence_days': None, 'consent': None, 'connected_on': None, 'source': '',
    }
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def interaction(**changes: Any) -> dict[str, Any]:
    """A valid stored interaction with the contact above."""
    doc: dict[str, Any] = {'id': 'b' * 32, 'created_at': '2026-01-01T00:00:00+00:00',
                           'updated_at': '2026-01-01T00:00:00+00:00', 'contact_id': CONTACT_ID, 'kind': 'call',
                           'on': '2026-01-02', 'note': ''}
    doc.update(changes)
    return doc


def _json(document: Any) -> bytes:
    return json.dumps(document).encode()


def _with_raw(document: dict[str, Any], marker: str, raw: str) -> bytes:
    """``document`` as JSON with the string ``marker`` replaced by raw JSON text (too big or deep for json.dumps)."""
    return _json(document).replace(json.dumps(marker).encode(), raw.encode())


def _data_file(**tables: dict[str, Any]) -> dict[str, Any]:
    return {'_meta': {'1': {'schema_version': 1}}, **tables}


# Records that are wrong in the file CareerNet opens at start. Every one must be refused with one
# line naming the file, and the file left byte-identical.
BAD_RECORDS: dict[str, Callable[[], dict[str, Any]]] = {
    'bad-enum': lambda: contact(role='boss'),
    'bad-date': lambda: contact(connected_on='2026-13-45'),
    'missing-name': lambda: contact(name=None),
    'lone-surrogate': lambda: contact(name='A\ud800B'),
    'nul-in-name': lambda: contact(name='A\x00B'),
    'escape-in-notes': lambda: contact(notes='a\x1b[31mred'),
    'int-id': lambda: contact(id=7),
    'list-id': lambda: contact(id=['x']),
    'dict-id': lambda: contact(id={'x': 1}),
    'spaces-in-id': lambda: contact(id='not an id'),
    'string-list': lambda: contact(emails='dana@example.com'),
    'number-as-name': lambda: contact(name=12),
    'nested-wrong-shape': lambda: contact(stage_history='yesterday'),
}


def start_files() -> dict[str, bytes]:
    """Data files that must stop the app at start with one line, never a traceback."""
    files = {f'{name}.json': _json(_data_file(contacts={'1': make()})) for name, make in BAD_RECORDS.items()}
    files['interaction-list-contact.json'] = _json(_data_file(
        contacts={'1': contact()}, interactions={'1': interaction(contact_id=['x'])}))
    files['non-numeric-doc-id.json'] = _json(_data_file(contacts={'abc': contact()}))
    files['list-setting.json'] = _json(_data_file(settings={'1': {'feed_time': ['09:00']}}))
    files['string-setting.json'] = _json(_data_file(settings={'1': {'feed_alarm_minutes': 'soon'}}))
    files['huge-integer.json'] = _with_raw(_data_file(contacts={'1': contact(cadence_days='HUGE')}),
                                           'HUGE', '9' * HUGE_DIGITS)
    files['deep-nesting.json'] = _with_raw(_data_file(contacts={'1': contact(notes='DEEP')}),
                                           'DEEP', '[' * DEEP + ']' * DEEP)
    files['not-json.json'] = b'{"contacts": {"1": '
    files['binary.json'] = bytes(range(256)) * 4
    files['table-is-list.json'] = _json(_data_file(contacts=[contact()]))  # type: ignore[arg-type]
    return files


def hostile_backups() -> dict[str, bytes]:
    """Backups for ``restore``: each is refused with one line, or restored and every page still works."""
    files = {f'{name}.json': _json({'contacts': {'1': make()}}) for name, make in BAD_RECORDS.items()}
    files['deep-json.json'] = ('[' * DEEP + ']' * DEEP).encode()
    files['deep-in-record.json'] = _with_raw({'contacts': {'1': contact(notes='DEEP')}}, 'DEEP',
                                             '{"a":' * DEEP + '1' + '}' * DEEP)
    files['big-integer.json'] = _with_raw({'contacts': {'1': contact(cadence_days='HUGE')}}, 'HUGE',
                                          '9' * HUGE_DIGITS)
    files['big-but-parsable-integer.json'] = _json({'contacts': {'1': contact(cadence_days=10**300)}})
    files['float-cadence.json'] = _json({'contacts': {'1': contact(cadence_days=1e308)}})
    files['duplicate-ids.json'] = _json({'contacts': {'1': contact(), '2': contact()}})
    files['unknown-table.json'] = _json({'contacts': {'1': contact()}, 'secrets': {'1': {'x': 1}}})
    files['dangling-reference.json'] = _json({'interactions': {'1': interaction(contact_id='nobody')}})
    files['utf16.json'] = json.dumps({'contacts': {'1': contact()}}).encode('utf-16')
    files['empty.json'] = b''
    files['list-of-tables.json'] = b'[]'
    # Valid but unkind: text that is allowed and must show and export everywhere.
    files['accepted-unkind-text.json'] = _json({'contacts': {
        '1': contact(id='c' * 32, name='<script>alert(1)</script> \u202e\u200d🤝 Zoë',
                     notes='line one\n\ttabbed\n"quoted", =SUM(A1)\n' + 'é' * 5000,
                     organisation='{{ 7*7 }} ${7*7}', tags=['=cmd', '@x'], links=['javascript:alert(1)'],
                     phones=['+1 (555) 010-0000']),
        '2': contact(id='d' * 32, name='x' * 200, emails=[], organisation='\ufeff' + 'y' * 199),
    }})
    return files


def vcard_files() -> dict[str, bytes]:
    """vCard files for import: each gets a message, or a bounded and correct import."""
    card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\n{extra}END:VCARD\r\n'
    return {
        'photo-2mb.vcf': card.format(name='Dana Okafor', extra='PHOTO;ENCODING=b:' + 'A' * 2_000_000 + '\r\n').encode(),
        'nul-in-name.vcf': card.format(name='Dana\x00Okafor', extra='').encode(),
        'escape-in-name.vcf': card.format(name='Dana\x1bOkafor', extra='').encode(),
        'line-separator-in-note.vcf': card.format(name='Dana', extra='NOTE:one\u2028two\r\n').encode(),
        'not-utf8.vcf': card.format(name='Zo\xeb', extra='').encode('latin-1'),
        'no-end.vcf': b'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\r\n',
        'nested-agents.vcf': ('BEGIN:VCARD\r\n' * 500 + 'FN:x\r\n' + 'END:VCARD\r\n' * 500).encode(),
        'many-lines.vcf': card.format(name='Dana', extra='X-A:1\r\n' * 5000).encode(),
        'huge-note.vcf': card.format(name='Dana', extra='NOTE:' + 'x' * 300_000 + '\r\n').encode(),
        'bad-base64.vcf': card.format(name='Dana', extra='KEY;ENCODING=b:!!!\r\n').encode(),
        'qp-21.vcf': b'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:D=C3=A1na=\r\n=00\r\nEND:VCARD\r\n',
        'long-name.vcf': card.format(name='N' * 5000, extra='').encode(),
        'only-garbage.vcf': b'BEGIN:VCARD\r\n\xff\xfe\r\nEND:VCARD\r\n',
    }


def csv_files() -> dict[str, bytes]:
    """CSV files for import: each gets a message, or a bounded and correct import."""
    rows = ''.join(f'Person {n},p{n}@example.com\n' for n in range(300))
    linkedin = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    return {
        'stray-quote-template.csv': ('name,email\nDana,dana@example.com\n"Mei,mei@example.com\n' + rows).encode(),
        'stray-quote-linkedin.csv': (linkedin + 'Dana,Okafor,,,Acme,,\n"Mei,Chen,,,Globex,,\n'
                                     + ''.join(f'P,{n},,,A,,\n' for n in range(300))).encode(),
        'nul-byte.csv': b'name,email\nDa\x00na,dana@example.com\n',
        'control-in-name.csv': b'name,email\nDa\x1bna,dana@example.com\nMei,mei@example.com\n',
        'surrogate-escape-bytes.csv': b'name,email\nDana \xed\xa0\x80,dana@example.com\n',
        'formula-cells.csv': b'name,email,organisation\n=HYPERLINK("x"),d@example.com,+cmd|calc\n',
        'huge-cell.csv': ('name,notes\nDana,"' + 'x' * 100_000 + '"\n').encode(),
        'many-columns.csv': ('name,' + ','.join(f'c{n}' for n in range(20_000)) + '\nDana' + ',x' * 20_000 + '\n')
        .encode(),
        'bom-and-crlf.csv': '\ufeffname,email\r\nDana,dana@example.com\r\n'.encode(),
        'line-separator-in-name.csv': 'name,email\nDa\u2028na,dana@example.com\n'.encode(),
        'no-header.csv': b'\n\n\n',
        'id-column.csv': b'name,id\nDana,[1]\n',
    }


def write_all(folder: Path) -> list[Path]:
    """Write every file of the corpus under ``folder`` (start/, restore/, vcard/, csv/)."""
    written = []
    for group, files in (('start', start_files()), ('restore', hostile_backups()), ('vcard', vcard_files()),
                         ('csv', csv_files())):
        (folder / group).mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            path = folder / group / name
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == '__main__':
    target = Path(sys.argv[1] if len(sys.argv) > 1 else 'hostile-corpus')
    print(f'{len(write_all(target))} files written under {target}')
