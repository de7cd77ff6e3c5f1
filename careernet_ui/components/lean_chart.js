// NiceGUI's ECharts element, drawn in the same task that mounts it, from CareerNet's ECharts build (see lean_chart.py).
import { h } from "vue";
import { echarts } from "careernet-echarts";

export default {
  props: {
    options: Object,
    renderer: String,
  },
  render() {
    return h("div");
  },
  mounted() {
    this.chart = echarts.init(this.$el, null, { renderer: this.renderer });
    this.chart.setOption(this.options);
    // A ResizeObserver reports once as it starts: draw again only when the box really changed.
    let width = this.$el.offsetWidth;
    let height = this.$el.offsetHeight;
    this.resizeObserver = new ResizeObserver(() => {
      if (this.$el.offsetWidth === width && this.$el.offsetHeight === height) return;
      width = this.$el.offsetWidth;
      height = this.$el.offsetHeight;
      this.chart.resize();
    });
    this.resizeObserver.observe(this.$el);
  },
  beforeUnmount() {
    this.resizeObserver.disconnect();
    this.chart.dispose();
  },
  methods: {
    update_chart() {
      this.chart.setOption(this.options, { notMerge: true });
    },
  },
};
