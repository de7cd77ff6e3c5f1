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
  methods: {
    // Done and Dismiss take the row away when the list redraws: the focus goes on to the same button
    // of the row that takes its place (or the last row), not to the top of the page.
    act(event, text) {
      const rows = [...document.querySelectorAll(".careernet-next-action")];
      this.refocus = { index: rows.indexOf(this.$el), text };
      this.$emit(event);
    },
  },
  unmounted() {
    const refocus = this.refocus;
    if (!refocus || refocus.index < 0) return;
    setTimeout(() => {
      const rows = document.querySelectorAll(".careernet-next-action");
      const row = rows[Math.min(refocus.index, rows.length - 1)];
      const target = row && [...row.querySelectorAll("button")].find((b) => b.textContent === refocus.text);
      if (target && !document.querySelector(".q-dialog")) target.focus();
    });
  },
  render() {
    const button = (text, event, label) =>
      h("button", { type: "button", class: this.buttonClass, "aria-label": label, onClick: () => this.$emit(event) }, text);
    const acting = (text, event) =>
      h("button", { type: "button", class: this.buttonClass, onClick: () => this.act(event, text) }, text);
    return h("div", [
      // On a narrow screen the text takes the whole first line and the badge and actions wrap below it.
      h("div", { class: "flex flex-col grow min-w-0 basis-full sm:basis-0" }, [
        h("span", { class: "font-medium break-words", dir: "auto" }, this.title),
        h("span", { class: "text-sm text-grey-8 break-words", dir: "auto" }, this.reason),
      ]),
      h("span", { class: this.badgeClass + " mr-2" }, this.due),
      this.logLabel ? button("Log", "log", this.logLabel) : null,
      acting("Done", "done"),
      button("Snooze…", "snooze"),
      acting("Dismiss", "dismiss"),
      h("a", { href: this.href, class: "nicegui-link text-sm px-2" }, "Open"),
    ]);
  },
};
