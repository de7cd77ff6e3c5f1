"""The dashboard's chart draws from CareerNet's ECharts build, which has exactly what the chart uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nicegui import __version__
from nicegui.dependencies import esm_modules
from nicegui.testing import User

from careernet_ui.components import chart_preload, lean_chart
from careernet_ui.components.lean_chart import LeanChart


def _funnel(**extra: object) -> dict[str, object]:
    return {'series': [{'type': 'funnel', 'data': [{'name': 'Contact', 'value': 3}]}], **extra}


def test_the_component_imports_the_bundle_it_registers() -> None:
    script = (Path(lean_chart.__file__).parent / 'lean_chart.js').read_text(encoding='utf-8')
    assert 'import { echarts } from "' + lean_chart.ESM_NAME + '";' in script
    [module] = [module for module in esm_modules.values() if module.name == lean_chart.ESM_NAME]
    assert module.path == lean_chart.BUNDLE


def test_the_bundle_is_built_and_carries_its_licences() -> None:
    bundle = (lean_chart.BUNDLE / 'index.js').read_text(encoding='utf-8')
    assert bundle.startswith('/*! Apache ECharts ')
    assert re.search(r'export\{\w+ as echarts\};', bundle)  # the module lean_chart.js imports
    assert 'funnelAlign' in bundle  # the funnel series' defaults, and no other chart's
    assert not [option for option in ('barGap', 'showSymbol', 'roseType') if option in bundle]
    assert 100_000 < len(bundle) < 600_000  # the funnel's part, not NiceGUI's 1.1 MB of every chart
    for name in ('LICENSE', 'NOTICE', 'LICENSE-zrender'):
        assert (lean_chart.BUNDLE / name).stat().st_size > 100


@pytest.mark.parametrize('options', [
    {'series': [{'type': 'bar', 'data': [1, 2]}]},
    {'series': {'type': 'line', 'data': [1, 2]}},
    _funnel(tooltip={'trigger': 'item'}),
])
def test_a_chart_the_bundle_cannot_draw_is_refused_with_the_way_to_add_it(options: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=re.escape('careernet_ui/echarts/entry.mjs')):
        LeanChart(options)


@pytest.mark.usefixtures('demo_data')
async def test_the_dashboard_preloads_the_bundle_and_draws_the_funnel(user: User) -> None:
    client = await user.open('/')
    [chart] = user.find(kind=LeanChart).elements
    assert chart.options['series'][0]['type'] == 'funnel'
    url = chart_preload._bundle_url()
    key = url.removeprefix(f'/_nicegui/{__version__}/esm/').removesuffix('/index.js')
    assert esm_modules[key].name == lean_chart.ESM_NAME
    assert f'<link rel="modulepreload" href="{url}">' in client.head_html
