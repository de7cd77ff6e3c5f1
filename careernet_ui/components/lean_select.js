// NiceGUI's ui.select as a native <select> inside its <label> (see lean_fields.py).
export default {
  template: `
    <label class="flex flex-col text-xs">
      <span class="text-grey-8">{{ label }}</span>
      <select
        :value="chosen"
        :autofocus="autofocus"
        class="w-full py-1 text-base bg-transparent border-0 border-b border-gray-400
               outline-none focus:border-b-2 focus:border-[var(--q-primary)]"
        @change="changed"
      >
        <option v-for="option in options" :key="option.value" :value="option.value">{{ option.label }}</option>
      </select>
    </label>`,
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
    changed(event) {
      this.chosen = Number(event.target.value);
      this.$emit("update:modelValue", this.options[this.chosen]);
    },
  },
};
