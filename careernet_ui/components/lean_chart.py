"""NiceGUI's ECharts chart, drawn as soon as it mounts, from the part of ECharts CareerNet uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nicegui import ui

ESM_NAME = 'careernet-echarts'
BUNDLE = Path(__file__).parents[1] / 'echarts' / 'bundle'
"""ECharts cut to funnel charts on a canvas; built by ``make echarts`` from ``echarts/entry.mjs``."""
SERIES_TYPES = frozenset({'funnel'})
"""The chart types in the bundle: ECharts draws nothing for any other, so ``LeanChart`` refuses it."""


class LeanChart(ui.echart, component='lean_chart.js', esm={ESM_NAME: str(BUNDLE)}):
    """``ui.echart`` with a smaller browser side: the same ECharts (version and options) and Python API.

    - **Its own ECharts build.** NiceGUI's bundle has every chart type, component and ECharts GL,
      all compiled and run on the page before anything mounts. The funnel needs a third of it
      (``SERIES_TYPES``; sizes in bench/README.md); add a type in ``echarts/entry.mjs`` and here, then ``make echarts``.
    - **Drawn at once.** NiceGUI's component waits a task before drawing, for the in-browser
      Tailwind compiler to size the chart's box; CareerNet's classes come compiled
      (``careernet_ui/styles.py``), so the box has its size when the chart mounts. It also
      subscribes to some forty chart events the dashboard never listens to.

    Options set from Python after mounting are drawn again (``update()``). What it leaves out:
    tooltips, click events, themes and 3D.
    """

    def __init__(self, options: dict[str, Any]) -> None:
        """Make the chart in the current container; ``ValueError`` for a chart type the bundle lacks."""
        series = options.get('series', [])
        unknown = {entry.get('type') for entry in (series if isinstance(series, list) else [series])} - SERIES_TYPES
        if unknown or 'tooltip' in options:
            raise ValueError(f'LeanChart draws {", ".join(sorted(SERIES_TYPES))} charts without tooltips, not '
                             f'{sorted(map(str, unknown)) or "tooltip"}: add it to careernet_ui/echarts/entry.mjs')
        super().__init__(options)  # drawn on a canvas: the one renderer in the bundle
