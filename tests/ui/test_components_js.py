"""CareerNet's own browser components put text in as text: nothing a person typed becomes HTML."""

from __future__ import annotations

from pathlib import Path

import careernet_ui

SOURCES = Path(careernet_ui.__file__).parent
VENDORED = SOURCES / 'echarts' / 'bundle'
"""ECharts as built by ``make echarts``: its funnel draws on a canvas (it clears its box with ``innerHTML``)."""
HTML_SINKS = ('v-html', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'setHTML')


def test_no_component_renders_html() -> None:
    components = sorted(path for path in SOURCES.rglob('*.js') if VENDORED not in path.parents)
    assert {path.name for path in components} >= {'pipeline_card.js', 'lean_input.js', 'lean_select.js'}
    for path in components:
        text = path.read_text(encoding='utf-8')
        assert not [sink for sink in HTML_SINKS if sink in text], path.name
