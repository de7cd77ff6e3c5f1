// One person on the pipeline board, drawn from its props in one component (see pipeline_card.py).
// Text goes in through {{ }} only, which sets it as text: a name with markup shows as typed.
export default {
  template: `
    <div>
      <a :href="href" draggable="false" class="nicegui-link font-medium truncate w-full" :class="{ 'pr-16': overdue }">{{
        name
      }}</a>
      <span v-if="overdue" aria-label="Catch-up overdue" :class="badgeClass">Overdue</span>
      <div class="text-xs text-grey-8 whitespace-pre-line w-full">{{ details }}</div>
      <button type="button" :class="buttonClass + ' ml-auto'" :aria-label="'Log an interaction with ' + name"
              @click="$emit('log')">Log</button>
      <button type="button" :class="buttonClass" :aria-label="'Move ' + name + ' to another stage'"
              @click="$emit('move')">Move to…</button>
    </div>`,
  props: {
    name: String,
    href: String,
    details: String,
    overdue: Boolean,
    badgeClass: String,
    buttonClass: String,
  },
  emits: ["log", "move"],
};
