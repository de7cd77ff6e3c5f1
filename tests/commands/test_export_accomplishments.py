"""``python app.py export-accomplishments OUT.md [--tag T] [--year Y]``, as a person runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careernet_ui.cli import main
from careernet_ui.opening import seed_demo
from storage import open_store
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_file(data_path: Path) -> Path:
    store = open_store(data_path)
    seed_demo(store, TODAY)
    store.close()
    return data_path


def titles(path: Path) -> list[str]:
    return [line[4:] for line in path.read_text(encoding='utf-8').splitlines() if line.startswith('### ')]


def test_export_writes_every_accomplishment_grouped_by_year(demo_file: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / 'brag.md'
    assert main(['export-accomplishments', str(out), '--data', str(demo_file)]) == 0
    assert capsys.readouterr().out == f'Exported 8 accomplishments to {out}.\n'
    text = out.read_text(encoding='utf-8')
    assert text.startswith('# Accomplishments\n')
    assert text.index('## 2026') < text.index('## 2025')
    assert len(titles(out)) == 8
    assert '**Result:** p95 latency 800 → 120 ms' in text
    assert '**Witnesses:** ' in text


def test_tag_and_year_narrow_the_export(demo_file: Path, tmp_path: Path) -> None:
    everything, tagged, dated = tmp_path / 'all.md', tmp_path / 'tag.md', tmp_path / 'year.md'
    main(['export-accomplishments', str(everything), '--data', str(demo_file)])
    store = open_store(demo_file)
    try:
        tag = store.accomplishments.all()[0].tags[0]
        with_tag = {a.title for a in store.accomplishments if tag in a.tags}
        in_2025 = {a.title for a in store.accomplishments if a.on.year == 2025}
    finally:
        store.close()
    assert main(['export-accomplishments', str(tagged), '--data', str(demo_file), '--tag', tag]) == 0
    assert set(titles(tagged)) == with_tag
    assert main(['export-accomplishments', str(dated), '--data', str(demo_file), '--year', '2025']) == 0
    assert set(titles(dated)) == in_2025
    assert len(with_tag) < len(titles(everything))


def test_a_filter_that_matches_nothing_is_an_error_and_writes_nothing(demo_file: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / 'brag.md'
    assert main(['export-accomplishments', str(out), '--data', str(demo_file), '--tag', 'cobol']) == 1
    assert capsys.readouterr().err == ('careernet: None of your 8 accomplishments matches tag "cobol"; '
                                       'nothing was written.\n')
    assert not out.exists()


def test_an_unwritable_destination_is_one_clear_line(demo_file: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / 'missing-folder' / 'brag.md'
    assert main(['export-accomplishments', str(out), '--data', str(demo_file)]) == 1
    assert capsys.readouterr().err.startswith(f'careernet: Cannot write {out}: ')


def test_the_command_runs_from_app_py(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / 'brag.md'
    done = subprocess.run([sys.executable, 'app.py', 'export-accomplishments', str(out), '--data', str(demo_file),
                           '--year', '2026'], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('Exported ')
    assert '## 2026' in out.read_text(encoding='utf-8')
