// The part of ECharts CareerNet draws with: funnel charts on a canvas (see components/lean_chart.py).
// `make echarts` bundles it into bundle/index.js; add a chart type here and to SERIES_TYPES there.
import * as echarts from "echarts/core";
import { FunnelChart } from "echarts/charts";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([FunnelChart, CanvasRenderer]);

export { echarts };
