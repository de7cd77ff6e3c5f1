// One follow-up in the dashboard's "Next actions", drawn from its props (see next_action_row.py).
// Text goes in through {{ }} only, which sets it as text.
export default {
  template: `
    <div>
      <div class="flex flex-col grow min-w-0">
        <span class="font-medium">{{ title }}</span>
        <span class="text-sm text-grey-8">{{ reason }}</span>
      </div>
      <span :class="badgeClass + ' mr-2'">{{ due }}</span>
      <button v-if="logLabel" type="button" :class="buttonClass" :aria-label="logLabel" @click="$emit('log')">Log</button>
      <button type="button" :class="buttonClass" @click="$emit('done')">Done</button>
      <button type="button" :class="buttonClass" @click="$emit('snooze')">Snooze…</button>
      <button type="button" :class="buttonClass" @click="$emit('dismiss')">Dismiss</button>
      <a :href="href" class="nicegui-link text-sm px-2">Open</a>
    </div>`,
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
};
