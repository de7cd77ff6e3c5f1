"""CareerNet's own browser components put text in as text: nothing a person typed becomes HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nicegui.testing import User

import careernet_ui

SOURCES = Path(careernet_ui.__file__).parent
VENDORED = SOURCES / 'echarts' / 'bundle'
"""ECharts as built by ``make echarts``: its funnel draws on a canvas (it clears its box with ``innerHTML``)."""
TEMPLATE = re.compile(r'^\s*template\s*:', re.MULTILINE)
"""A Vue component's ``template:`` option, which the browser compiles on every page load."""
HTML_SINKS = ('v-html', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'setHTML')


def test_no_component_renders_html() -> None:
    components = sorted(path for path in SOURCES.rglob('*.js') if VENDORED not in path.parents)
    assert {path.name for path in components} >= {'pipeline_card.js', 'lean_input.js', 'lean_select.js'}
    for path in components:
        text = path.read_text(encoding='utf-8')
        assert not [sink for sink in HTML_SINKS if sink in text], path.name


def test_no_component_needs_the_template_compiler() -> None:
    # A template is compiled in the browser on every page load: the compiler's first run alone
    # took 15-25 ms. CareerNet's components are render functions.
    for path in sorted(SOURCES.rglob('*.js')):
        if VENDORED not in path.parents:
            assert not TEMPLATE.search(path.read_text(encoding='utf-8')), path.name


@pytest.mark.usefixtures('demo_data')
@pytest.mark.parametrize('path', ['/', '/pipeline', '/accomplishments'])
async def test_the_measured_pages_mount_no_template(user: User, path: str) -> None:
    client = await user.open(path)
    compiled = {element.component.path.name for element in client.elements.values()
                if element.component and TEMPLATE.search(element.component.path.read_text(encoding='utf-8'))}
    # NiceGUI's ui.refreshable is the one left: its template is "<slot></slot>", 3-5 ms to compile.
    assert compiled <= {'refreshable.js'}
