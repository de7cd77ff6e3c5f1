// NiceGUI's ui.input as a native <input> inside its <label> (see lean_fields.py).
// A render function, not a template: no page pays for Vue's template compiler.
import { h } from "vue";

const FIELD_CLASSES =
  "w-full py-1 text-base bg-transparent border-0 border-b border-gray-400 outline-none " +
  "placeholder:text-gray-500 focus:border-b-2 focus:border-[var(--q-primary)]";

export default {
  props: {
    label: String,
    value: String,
    placeholder: String,
    clearable: Boolean,
    debounce: [Number, String],
    autofocus: Boolean,
    // Set by ui.input for Quasar's field; declared so they stay off the <label> (a label "for"
    // itself would leave the box without a name).
    for: String,
    type: String,
    loopback: Boolean,
    _autocomplete: Array,
  },
  // What the box shows is its own state: the server does not echo every keystroke back, so a
  // re-render from the element's props alone would wipe what the person typed.
  data() {
    return { typed: this.value ?? "" };
  },
  watch: {
    value(value) {
      this.typed = value ?? "";
    },
  },
  methods: {
    changed(event) {
      this.typed = event.target.value;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.$emit("update:value", this.typed), Number(this.debounce) || 0);
    },
  },
  render() {
    return h("label", { class: "flex flex-col text-xs" }, [
      h("span", { class: "text-grey-8" }, this.label),
      h("input", {
        type: this.clearable ? "search" : "text",
        value: this.typed,
        placeholder: this.placeholder,
        autofocus: this.autofocus,
        class: FIELD_CLASSES,
        onInput: this.changed,
      }),
    ]);
  },
};
