// One accomplishment in the list, drawn from its props (see accomplishment_card.py).
// A render function, not a template: no page pays for Vue's template compiler. Text goes in as
// child strings and attributes only, which Vue sets as text.
import { h } from "vue";

const MORE_CLASSES =
  "inline-flex items-center justify-center rounded-full text-xl text-grey-8 p-1 " +
  "hover:bg-black/10 focus-visible:outline focus-visible:outline-2";

export default {
  props: {
    title: String,
    when: String,
    metric: String,
    description: String,
    tags: String,
    witnesses: Array,
    evidence: String,
    shared: String,
    quotes: Array,
    shareClass: String,
  },
  emits: ["share", "more"],
  render() {
    const witnesses = this.witnesses || [];
    return h("div", [
      h("span", { class: "text-lg font-semibold pr-32" }, this.title),
      h("span", { class: "text-sm text-grey-8 pr-32" }, this.when),
      h("div", { class: "flex no-wrap gap-1 items-center absolute top-4 right-4" }, [
        h("button", { type: "button", class: this.shareClass, onClick: () => this.$emit("share") }, "Share"),
        h("span", [
          h("button", {
            type: "button",
            "aria-label": "More actions",
            title: "More actions",
            class: MORE_CLASSES,
            onClick: () => this.$emit("more"),
          }, [h("i", { class: "material-icons", "aria-hidden": "true" }, "more_vert")]),
          this.$slots.default?.(),
        ]),
      ]),
      this.metric ? h("span", { class: "text-base font-medium text-primary" }, this.metric) : null,
      this.description ? h("span", { class: "whitespace-pre-wrap line-clamp-3" }, this.description) : null,
      this.tags ? h("span", { class: "text-sm text-grey-8" }, this.tags) : null,
      h("div", { class: "flex flex-wrap items-center gap-x-2 gap-y-0 text-sm" }, [
        h("span", { class: "text-grey-8" },
          witnesses.length ? "Witnesses:" : "No witness named yet: who saw it and can vouch for it?"),
        ...witnesses.map((witness) => h("a", { key: witness.href, href: witness.href, class: "nicegui-link" }, witness.name)),
        this.evidence
          ? h("a", { href: this.evidence, target: "_blank", rel: "noopener noreferrer", class: "nicegui-link ml-2" }, "Evidence")
          : null,
      ]),
      h("span", { class: "text-sm text-grey-8" }, this.shared),
      ...(this.quotes || []).map((quote) => h("span", { class: "text-sm italic whitespace-pre-wrap" }, quote)),
    ]);
  },
};
