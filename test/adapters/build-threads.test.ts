import { describe, expect, it } from 'vitest'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { shareStories } from '../../adapters/rank-takeaways.js'
import type { ArticleInput, Engine, Story } from '../../src/index.js'
import { fixtureDir } from '../helpers/engine.js'

/** What a user can see of an engine's stories, takeaways and disagreements, as JSON. */
function visible(engine: Engine): string {
  const stories = engine.stories()
  return JSON.stringify({
    stories,
    takeaways: engine.takeaways({ limit: 100 }),
    storyTakeaways: stories.map((story) => engine.takeaways({ storyId: story.id, limit: 100 })),
    storySources: stories.map((story) => engine.takeaways({ sourceId: story.sources[0] })),
    disagreements: engine.disagreements(),
    answers: ['How long did the talks last?', 'How many people were evacuated?', 'Who won the election?'].map((question) => engine.ask(question)),
  })
}

describe('buildEngineFromDir on several threads', { timeout: 240_000 }, () => {
  it('builds the same stories, takeaways and answers with the takeaways ranked on two threads as on one', async () => {
    const dir = fixtureDir('stories-mixed')
    const one = await buildEngineFromDir(dir, {}, { dir: false }, { threads: 1 })
    // The fixture is far below the size that starts threads: start them anyway.
    const two = await buildEngineFromDir(dir, {}, { dir: false }, { threads: 2, minCharsForThreads: 0, takeaways: true })
    expect(one.engine.stories().length).toBeGreaterThan(2)
    expect(visible(two.engine)).toBe(visible(one.engine))
  })
})

describe('shareStories', () => {
  const article = (id: string, chars: number): ArticleInput => ({ id, title: id, text: 'x'.repeat(chars) }) as ArticleInput
  const story = (id: string, ...sources: string[]): Story => ({ id, label: id, sources })

  it('gives each thread about an equal share of the text, the largest story first', () => {
    const articles = [article('a', 900), article('b', 500), article('c', 400), article('d', 100)]
    const shares = shareStories([story('s1', 'a'), story('s2', 'b'), story('s3', 'c'), story('s4', 'd')], articles, 2)
    expect(shares.map((share) => share.map((s) => s.id))).toEqual([['s1', 's4'], ['s2', 's3']])
  })
})
