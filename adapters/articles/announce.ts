import type { Disagreement, Engine, Source } from '../../src/index.js'
import type { Logger } from '../logger.js'
import type { ChannelRef, Platform, SubscriptionStore } from './subscriptions.js'

/** A story an article belongs to, as the story grouping names it. */
export interface StoryRef {
  id: string
  label: string
}

/** Finds the story an article joined; `storyOfSource` reads it from the engine's own stories. */
export type StoryLookup = (engine: Engine, sourceId: string) => StoryRef | undefined

/** The story of `sourceId` among the engine's stories, as id and label; undefined for an unknown source. */
export const storyOfSource: StoryLookup = (engine, sourceId) => {
  const story = engine.stories().find((candidate) => candidate.sources.includes(sourceId))
  return story && { id: story.id, label: story.label }
}

/** What one new or updated article changes, for an announcement. */
export interface ArticleChanges {
  /** A new article, or a new version of one the corpus had (same id). Defaults to `added`. */
  kind?: 'added' | 'updated'
  source: Source
  /**
   * The article's most central sentence, verbatim; for an update whose new paragraphs are known,
   * the most central sentence among them (or the first new paragraph, when short), as `newText`.
   */
  central?: string
  /** For an update: whether `central` is text the earlier version did not have. */
  centralIsNew?: boolean
  /** For an update whose text is known: `removed` when it only removed text, `details` when its text is the same (title, byline, date changed). */
  textChange?: 'removed' | 'details'
  /** Disagreements that exist only since this article: the topic and each side, the new article's marked. */
  opened: Disagreement[]
  /** Disagreements that existed and that this article takes a side in: topic and its value. */
  joined: Array<{ topic: string; value: string; sidesWithEarlier: boolean }>
  /** Topics the sources disagreed on before and no longer do. */
  settled: string[]
  /** Key points of its story (or of the corpus) this article supports, verbatim; with the topic that contests one. */
  takeaways: Array<{ text: string; contestedOn?: string }>
  story?: StoryRef
}

/** Most takeaways listed in an announcement. */
const MAX_TAKEAWAYS = 3
/** Longest new paragraph quoted whole when no ranked sentence lies in the new text. */
const MAX_QUOTED_PARAGRAPH_CHARS = 300

/** What is known of an update: the paragraphs its new version added (from the writer), when known. */
export interface ArticleUpdate {
  newParagraphs?: string[]
  /** How many paragraphs of the earlier version are gone. */
  removedParagraphs?: number
}

/**
 * Compares the engine before and after a reload for the article `sourceId`: its central sentence
 * (its first takeaway), the disagreements it opens, joins or settles, and the key points of its
 * story it supports. Given `update`, the article is a new version of one `before` had: its central
 * sentence is taken from the text it added, and a disagreement it already took the same side in is
 * no change.
 */
export function describeChanges(before: Engine, after: Engine, sourceId: string, storyOf?: StoryLookup, update?: ArticleUpdate): ArticleChanges | undefined {
  const source = after.sources().find((summary) => summary.source.id === sourceId)?.source
  if (source === undefined) return undefined
  const states = (disagreement: Disagreement) =>
    disagreement.claims.some((claim) => claim.source.id === sourceId || (claim.alsoIn ?? []).some((other) => other.id === sourceId))
  const earlier = before.disagreements()
  // The same disagreement may be phrased anew when a claim joins it ("how long the talks lasted"
  // becomes "how long the negotiations lasted"): it is the same one when it keeps an earlier claim.
  const claimKey = (claim: Disagreement['claims'][number]) => `${claim.passageId}\u0000${claim.value}`
  const counterpart = (disagreement: Disagreement) => {
    const keys = new Set(disagreement.claims.map(claimKey))
    return (
      earlier.find((previous) => previous.topic === disagreement.topic) ??
      earlier.find((previous) => previous.kind === disagreement.kind && previous.claims.some((claim) => keys.has(claimKey(claim))))
    )
  }
  const now = after.disagreements()
  const continued = new Set<Disagreement>()
  const opened: Disagreement[] = []
  const joined: ArticleChanges['joined'] = []
  for (const disagreement of now) {
    const previous = counterpart(disagreement)
    if (previous) continued.add(previous)
    if (!states(disagreement)) continue
    if (previous === undefined) {
      opened.push(disagreement)
      continue
    }
    const ours = disagreement.claims.find((claim) => claim.source.id === sourceId || (claim.alsoIn ?? []).some((other) => other.id === sourceId))
    // An earlier version already said the same: nothing changed there.
    if (ours && update && previous.claims.some((claim) => claim.value === ours.value && (claim.source.id === sourceId || (claim.alsoIn ?? []).some((other) => other.id === sourceId)))) continue
    if (ours) joined.push({ topic: previous.topic, value: ours.value, sidesWithEarlier: previous.claims.some((claim) => claim.value === ours.value) })
  }
  const settled = earlier.filter((previous) => !continued.has(previous)).map((previous) => previous.topic)
  const newText = update?.newParagraphs
  let central: string | undefined
  let centralIsNew = false
  if (newText !== undefined && newText.length > 0) {
    // The article's sentences, most central first: the first that lies in the new text.
    central = after.takeaways({ sourceId, limit: 50 }).find((takeaway) => newText.some((paragraph) => paragraph.includes(takeaway.text)))?.text
    central ??= newText.find((paragraph) => paragraph.length <= MAX_QUOTED_PARAGRAPH_CHARS)
    centralIsNew = central !== undefined
  }
  central ??= after.takeaways({ sourceId, limit: 1 })[0]?.text
  const story = storyOf?.(after, sourceId)
  const takeaways = after
    .takeaways(story ? { storyId: story.id, limit: 20 } : { limit: 20 })
    .filter((takeaway) => takeaway.supportedBy.includes(sourceId) && takeaway.text !== central)
    .slice(0, MAX_TAKEAWAYS)
    .map((takeaway) => ({ text: takeaway.text, ...(takeaway.contested && takeaway.disagreementTopic ? { contestedOn: takeaway.disagreementTopic } : {}) }))
  return {
    kind: update ? 'updated' : 'added',
    source,
    ...(central ? { central } : {}),
    ...(update ? { centralIsNew } : {}),
    ...(newText !== undefined && newText.length === 0 ? { textChange: (update?.removedParagraphs ?? 0) > 0 ? ('removed' as const) : ('details' as const) } : {}),
    opened,
    joined,
    settled,
    takeaways,
    ...(story ? { story } : {}),
  }
}

/** How a platform marks up an announcement: escaping user text, bold, and a quote. */
export interface AnnouncementMarkup {
  escape(text: string): string
  bold(text: string): string
  quote(text: string): string
}

/** The announcement as lines of platform markup; every piece of page text goes through `escape`. */
export function formatAnnouncement(changes: ArticleChanges, markup: AnnouncementMarkup): string {
  const { escape, bold, quote } = markup
  const { source } = changes
  const by = [source.outlet, source.author].filter(Boolean).join(', ')
  const updated = changes.kind === 'updated'
  const lines = [`📰 ${updated ? 'Updated' : 'New'} article: ${bold(escape(source.title))}${by ? ` (${escape(by)})` : ''}`]
  if (changes.story) lines.push(`Story: ${escape(changes.story.label)}`)
  if (updated && changes.centralIsNew) lines.push('New in this version:')
  if (updated && changes.textChange === 'removed') lines.push('Its new version only removes text.')
  if (updated && changes.textChange === 'details') lines.push('Its text is the same; its title, byline or date changed.')
  if (changes.central) lines.push(quote(escape(changes.central)))
  const nameOf = (claimSource: Source) => (claimSource.id === source.id ? 'new article' : (claimSource.outlet ?? claimSource.title))
  for (const disagreement of changes.opened) {
    const sides = disagreement.claims.map((claim) => `${escape(claim.value)} (${escape(nameOf(claim.source))})`).join(' vs ')
    lines.push(`Sources now disagree on ${escape(disagreement.topic)}: ${sides}`)
  }
  for (const { topic, value, sidesWithEarlier } of changes.joined) {
    lines.push(`On ${escape(topic)}, it says ${escape(value)}${sidesWithEarlier ? ', as an earlier source does' : ', a value no other source gives'}.`)
  }
  for (const topic of changes.settled) lines.push(`Sources no longer disagree on ${escape(topic)}.`)
  if (changes.opened.length + changes.joined.length + changes.settled.length === 0) {
    lines.push(updated ? 'This version opens, joins or settles no disagreement between sources.' : 'It opens, joins or settles no disagreement between sources.')
  }
  if (changes.takeaways.length > 0) {
    lines.push(changes.story ? 'Key points of the story it supports:' : 'Key points it supports:')
    for (const { text, contestedOn } of changes.takeaways) lines.push(`• ${escape(text)}${contestedOn ? ` (contested: sources disagree on ${escape(contestedOn)})` : ''}`)
  }
  return lines.join('\n')
}

/** What sending to one channel did: `gone` when the channel no longer exists or forbids the bot. */
export type SendResult = 'sent' | 'gone'

/** Sends one announcement to one channel of its platform. */
export type AnnouncementSender = (channelId: string, changes: ArticleChanges) => Promise<SendResult>

/** Options of `createAnnouncer`. */
export interface AnnouncerOptions {
  subscriptions: SubscriptionStore
  logger: Logger
  /** Least time between two announcements in one channel. Defaults to 5_000. */
  minGapMs?: number
}

/** Sends announcements to every subscribed channel, one channel's messages spaced out. */
export interface Announcer {
  /** Each chat adapter registers how it sends, when it starts. */
  setSender(platform: Platform, sender: AnnouncementSender): void
  /** Queues the announcement for every subscribed channel; resolves when all are sent or given up. */
  announce(changes: ArticleChanges): Promise<void>
}

/**
 * Creates the announcer. A channel that is gone or forbids the bot is unsubscribed with a log
 * line; any other failure is logged and the channel kept.
 */
export function createAnnouncer({ subscriptions, logger, minGapMs = 5_000 }: AnnouncerOptions): Announcer {
  const senders = new Map<Platform, AnnouncementSender>()
  const channelQueues = new Map<string, { tail: Promise<void>; lastSentAt: number }>()

  async function sendTo(channel: ChannelRef, changes: ArticleChanges): Promise<void> {
    const sender = senders.get(channel.platform)
    if (sender === undefined) return
    try {
      const result = await sender(channel.channelId, changes)
      if (result === 'gone') {
        await subscriptions.unsubscribe(channel)
        logger.warn({ ...channel }, 'channel is gone or forbids the bot: unsubscribed')
      }
    } catch (error) {
      logger.error({ err: error, ...channel, article: changes.source.id }, 'announcement failed')
    }
  }

  return {
    setSender(platform, sender) {
      senders.set(platform, sender)
    },
    async announce(changes) {
      const channels = await subscriptions.list()
      await Promise.all(
        channels.map((channel) => {
          const key = `${channel.platform}:${channel.channelId}`
          const queue = channelQueues.get(key) ?? { tail: Promise.resolve(), lastSentAt: 0 }
          channelQueues.set(key, queue)
          queue.tail = queue.tail.then(async () => {
            // Per-channel rate limit: a burst of feed items becomes a paced series, not a flood.
            const waitMs = queue.lastSentAt + minGapMs - Date.now()
            if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
            queue.lastSentAt = Date.now()
            await sendTo(channel, changes)
          })
          return queue.tail
        }),
      )
    },
  }
}
