"""Start loading the charts library with the page, rather than once Vue mounts the first chart."""

from __future__ import annotations

from functools import cache

from nicegui import ui

from careernet_ui.nicegui_compat import esm_module_url

from .lean_chart import ESM_NAME


def preload_charts() -> None:
    """Ask the browser to fetch and compile CareerNet's ECharts build while it loads the page's other scripts.

    NiceGUI preloads the chart's component only; what it imports is found when that module runs,
    after the page's scripts, so the chart waited for a second round of downloading and
    compiling. Call once per page, before the charts.
    """
    ui.add_head_html(f'<link rel="modulepreload" href="{_bundle_url()}">')


@cache
def _bundle_url() -> str:
    # The URL NiceGUI's import map gives the module, so the browser reuses what it preloaded.
    return esm_module_url(ESM_NAME)
