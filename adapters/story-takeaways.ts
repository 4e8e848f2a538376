import type { Engine, Story, Takeaway, TakeawayOptions } from '../src/index.js'

/** One story's takeaways, for adapters that list them under the story's label. */
export interface StoryTakeaways {
  story: Story
  takeaways: Takeaway[]
}

/**
 * The takeaways a chat shows for `/takeaways` with `options`: one group for a corpus of one story or
 * when a story is chosen, else one group per story that has any, largest story first, so two events'
 * points never mix in one list.
 */
export function takeawaysByStory(engine: Engine, options: TakeawayOptions = {}): StoryTakeaways[] {
  const stories = engine.stories()
  const chosen = options.storyId === undefined ? undefined : stories.find((story) => story.id === options.storyId)
  if (stories.length <= 1 || options.storyId !== undefined) {
    const story = chosen ?? stories[0] ?? { id: '', label: '', sources: engine.sources().map(({ source }) => source.id) }
    return [{ story, takeaways: engine.takeaways(options) }]
  }
  return stories.map((story) => ({ story, takeaways: engine.takeaways({ ...options, storyId: story.id }) })).filter((group) => group.takeaways.length > 0)
}

/** The story `argument` names, by id or by its label (any case), for chat commands that take either. */
export function findStory(engine: Engine, argument: string): Story | undefined {
  const wanted = argument.trim().toLowerCase()
  return engine.stories().find((story) => story.id === wanted || story.label.toLowerCase() === wanted)
}
