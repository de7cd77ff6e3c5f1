"""NiceGUI's ECharts chart, drawn as soon as it mounts: the dashboard's funnel shows sooner."""

from __future__ import annotations

from nicegui import ui


class LeanChart(ui.echart, component='lean_chart.js'):
    """``ui.echart`` with a smaller browser side: the same ECharts library and Python API.

    NiceGUI's own component waits a task before drawing, for the in-browser Tailwind compiler to
    size the chart's box; CareerNet's classes come compiled (``careernet_ui/styles.py``), so the
    box has its size when the chart mounts. It also subscribes to some forty chart events the
    dashboard never listens to. Drawing at once, without them, showed a chart about 40 ms sooner
    on an otherwise empty page. Options set from Python after mounting are drawn again (``update()``);
    what it leaves out: click events, themes and 3D.
    """
