// One person on the pipeline board, drawn from its props in one component (see pipeline_card.py).
// A render function, not a template: no page pays for Vue's template compiler. Text goes in as a
// child string only, which Vue sets as text: a name with markup shows as typed. User text is isolated
// (dir="auto", one <bdi> per part) so an Arabic name or a Hebrew organisation keeps its own order.
import { h } from "vue";

export default {
  props: {
    name: String,
    href: String,
    parts: Array,
    last: String,
    overdue: Boolean,
    badgeClass: String,
    buttonClass: String,
  },
  emits: ["log", "move"],
  render() {
    return h("div", [
      h("a", {
        href: this.href,
        draggable: "false",
        dir: "auto",
        class: ["nicegui-link font-medium truncate w-full", { "pr-16": this.overdue }],
      }, this.name),
      this.overdue ? h("span", { "aria-label": "Catch-up overdue", class: this.badgeClass }, "Overdue") : null,
      h("div", { class: "text-xs text-grey-8 w-full" }, [
        h("div", (this.parts || []).flatMap((part, i) => (i ? [" · ", h("bdi", part)] : [h("bdi", part)]))),
        h("div", this.last),
      ]),
      h("button", {
        type: "button",
        class: this.buttonClass + " ml-auto",
        "aria-label": "Log an interaction with " + this.name,
        onClick: () => this.$emit("log"),
      }, "Log"),
      h("button", {
        type: "button",
        class: this.buttonClass,
        "aria-label": "Move " + this.name + " to another stage",
        onClick: () => this.$emit("move"),
      }, "Move to…"),
    ]);
  },
};
