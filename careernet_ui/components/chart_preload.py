"""Start loading the charts library with the page, rather than once Vue mounts the first chart."""

from __future__ import annotations

import re
from functools import cache

from nicegui import __version__, ui
from nicegui.dependencies import esm_modules

_CHART_MODULE = 'nicegui-echart'


def preload_charts() -> None:
    """Ask the browser to fetch and compile the ECharts modules while it loads the page's other scripts.

    NiceGUI preloads ``echart.js`` only; what it imports (the 1 MB ECharts bundle) is found when
    that module runs, after the page's scripts, so the chart waited for a second round of
    downloading and compiling. Call once per page, before the charts.
    """
    for url in _module_urls():
        ui.add_head_html(f'<link rel="modulepreload" href="{url}">')


@cache
def _module_urls() -> tuple[str, ...]:
    # The same URLs as NiceGUI's import map (dependencies.py), so the browser reuses what it preloaded.
    for key, module in esm_modules.items():
        if module.name == _CHART_MODULE:
            base = f'/_nicegui/{__version__}/esm/{key}/'
            index = module.path / 'index.js'
            text = index.read_text(encoding='utf-8') if index.exists() else ''
            chunks = re.findall(r'from\s*"\./([\w.-]+\.js)"', text)
            return (f'/_nicegui/{__version__}/static/utils/dynamic_properties.js',
                    base + 'index.js', *(base + chunk for chunk in chunks))
    return ()
