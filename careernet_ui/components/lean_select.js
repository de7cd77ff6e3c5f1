// NiceGUI's ui.select as a native <select> inside its <label> (see lean_fields.py).
// A render function, not a template: no page pays for Vue's template compiler.
import { h } from "vue";

const FIELD_CLASSES =
  "w-full py-1 text-base bg-transparent border-0 border-b border-gray-400 outline-none " +
  "focus:border-b-2 focus:border-[var(--q-primary)]";

export default {
  props: {
    label: String,
    modelValue: Object,
    options: Array,
    autofocus: Boolean,
    // Set by ui.select for Quasar's field; declared so they stay off the <label>.
    for: String,
    loopback: Boolean,
  },
  // The choice shown is its own state, as in lean_input.js.
  data() {
    return { chosen: this.modelValue ? this.modelValue.value : "" };
  },
  watch: {
    modelValue(value) {
      this.chosen = value ? value.value : "";
    },
  },
  methods: {
    // Options are named by their keys (keyed_select.py), which the <select> holds as text.
    changed(event) {
      const option = (this.options || []).find((o) => String(o.value) === event.target.value);
      this.chosen = option ? option.value : "";
      this.$emit("update:modelValue", option || null);
    },
  },
  render() {
    return h("label", { class: "flex flex-col text-xs" }, [
      h("span", { class: "text-grey-8" }, this.label),
      h(
        "select",
        { value: this.chosen, autofocus: this.autofocus, class: FIELD_CLASSES, onChange: this.changed },
        (this.options || []).map((option) => h("option", { key: option.value, value: option.value }, option.label)),
      ),
    ]);
  },
};
