// One accomplishment in the list, drawn from its props (see accomplishment_card.py).
// Text goes in through {{ }} and attribute bindings only, which set it as text.
export default {
  template: `
    <div>
      <span class="text-lg font-semibold pr-32">{{ title }}</span>
      <span class="text-sm text-grey-8 pr-32">{{ when }}</span>
      <div class="flex no-wrap gap-1 items-center absolute top-4 right-4">
        <button type="button" :class="shareClass" @click="$emit('share')">Share</button>
        <span>
          <button type="button" aria-label="More actions" title="More actions" @click="$emit('more')"
                  class="inline-flex items-center justify-center rounded-full text-xl text-grey-8 p-1
                         hover:bg-black/10 focus-visible:outline focus-visible:outline-2">
            <i class="material-icons" aria-hidden="true">more_vert</i>
          </button>
          <slot></slot>
        </span>
      </div>
      <span v-if="metric" class="text-base font-medium text-primary">{{ metric }}</span>
      <span v-if="description" class="whitespace-pre-wrap line-clamp-3">{{ description }}</span>
      <span v-if="tags" class="text-sm text-grey-8">{{ tags }}</span>
      <div class="flex flex-wrap items-center gap-x-2 gap-y-0 text-sm">
        <span class="text-grey-8">{{ witnesses.length ? "Witnesses:" : "No witness named yet: who saw it and can vouch for it?" }}</span>
        <a v-for="witness in witnesses" :key="witness.href" :href="witness.href" class="nicegui-link">{{ witness.name }}</a>
        <a v-if="evidence" :href="evidence" target="_blank" rel="noopener noreferrer" class="nicegui-link ml-2">Evidence</a>
      </div>
      <span class="text-sm text-grey-8">{{ shared }}</span>
      <span v-for="quote in quotes" class="text-sm italic whitespace-pre-wrap">{{ quote }}</span>
    </div>`,
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
};
