// One follow-up in the dashboard's "Next actions", drawn from its props (see next_action_row.py).
// A render function, not a template: no page pays for Vue's template compiler. Text goes in as a
// child string only, which Vue sets as text.
import { h } from "vue";

export default {
  props: {
    title: String,
    reason: String,
    due: String,
    href: String,
    logLabel: String,
    badgeClass: String,
    buttonClass: String,
  },
  emits: ["log", "done", "snooze", "dismiss"],
  render() {
    const button = (text, event, label) =>
      h("button", { type: "button", class: this.buttonClass, "aria-label": label, onClick: () => this.$emit(event) }, text);
    return h("div", [
      // On a narrow screen the text takes the whole first line and the badge and actions wrap below it.
      h("div", { class: "flex flex-col grow min-w-0 basis-full sm:basis-0" }, [
        h("span", { class: "font-medium break-words", dir: "auto" }, this.title),
        h("span", { class: "text-sm text-grey-8 break-words", dir: "auto" }, this.reason),
      ]),
      h("span", { class: this.badgeClass + " mr-2" }, this.due),
      this.logLabel ? button("Log", "log", this.logLabel) : null,
      button("Done", "done"),
      button("Snooze…", "snooze"),
      button("Dismiss", "dismiss"),
      h("a", { href: this.href, class: "nicegui-link text-sm px-2" }, "Open"),
    ]);
  },
};
