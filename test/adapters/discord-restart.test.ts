import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VOTE_TEXTS } from '../../adapters/feedback/votes.js'
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js'
import { freePort, makeTempDir, startApp, stopAllApps, waitUntilReady, type AppProcess } from '../helpers/app-process.js'

const DISCORD_TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeX.fake-signature-for-tests_only'

interface SentBody {
  content?: string
  flags?: number
  components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>
}

/**
 * Stale buttons across a real restart: the bot runs as its own process (as `npm start` does, with the
 * in-memory store) on the fake gateway and REST; an answer's buttons are pressed after the process
 * was stopped and started again, so the answers it held in memory are gone.
 */
describe('Discord buttons from before a restart', () => {
  let discord: FakeDiscord
  let env: Record<string, string>
  let port: number

  beforeAll(async () => {
    discord = await startFakeDiscord()
    port = await freePort()
    env = {
      PORT: String(port),
      DISCORD_TOKEN,
      DISCORD_APP_ID: discord.appId,
      DISCORD_REST_API: discord.restApi,
      FEEDBACK_DIR: await makeTempDir('restart-votes-'),
      LOG_LEVEL: 'info',
    }
  })

  afterAll(async () => {
    await stopAllApps()
    await discord?.close()
  })

  async function start(): Promise<AppProcess> {
    const app = await startApp(env)
    await waitUntilReady(app, port, 90_000)
    return app
  }

  /** Stops `app` as a supervisor does (SIGTERM) and waits for it to exit. */
  async function stop(app: AppProcess): Promise<number | null> {
    app.child.kill('SIGTERM')
    return (await app.exited).code
  }

  /** Presses `customId` as user `n`; resolves with the reply's body (an ephemeral message when private). */
  async function press(customId: string, n: number): Promise<{ type: number; data?: SentBody }> {
    const interaction = discord.button(customId, discord.user(n))
    discord.dispatchInteraction(interaction)
    const [reply] = await discord.waitForResponses(interaction.id, 1, 15_000)
    return reply?.body as { type: number; data?: SentBody }
  }

  it('answers "More quotes", 👍 and 👎 pressed after a restart with a clear message, and keeps running', async () => {
    const first = await start()
    const interaction = discord.chatInput('ask', { question: 'How long did the negotiations last?' }, discord.user(1))
    discord.dispatchInteraction(interaction)
    const [, edit] = await discord.waitForResponses(interaction.id, 2, 30_000)
    const buttons = Object.fromEntries(((edit?.body as SentBody).components ?? []).flatMap((row) => row.components).map((button) => [button.label, button.custom_id ?? '']))
    expect(Object.keys(buttons)).toEqual(expect.arrayContaining(['More quotes', '👍', '👎']))
    // Before the restart the buttons work: a vote is recorded.
    expect((await press(buttons['👍']!, 2)).data?.content).toBe(VOTE_TEXTS.up)

    expect(await stop(first)).toBe(0)
    const second = await start()

    const more = await press(buttons['More quotes']!, 1)
    expect(more.data?.content).toBe('I no longer remember that answer (I may have restarted). Please ask again with /ask.')
    const up = await press(buttons['👍']!, 3)
    const down = await press(buttons['👎']!, 2)
    for (const reply of [more, up, down]) expect(reply.data?.flags, 'only the presser sees it').toBe(64)
    expect(up.data?.content).toBe(VOTE_TEXTS.stale)
    expect(down.data?.content).toBe(VOTE_TEXTS.stale)

    // No crash, no error logged, and a new question is answered with working buttons.
    expect(second.child.exitCode).toBeNull()
    expect(second.logs().filter((line) => line.level >= 50)).toEqual([])
    const again = discord.chatInput('ask', { question: 'How long did the negotiations last?' }, discord.user(1))
    discord.dispatchInteraction(again)
    const [, newEdit] = await discord.waitForResponses(again.id, 2, 30_000)
    const newUp = ((newEdit?.body as SentBody).components ?? []).flatMap((row) => row.components).find((button) => button.label === '👍')?.custom_id ?? ''
    expect((await press(newUp, 3)).data?.content).toBe(VOTE_TEXTS.up)
  }, 240_000)
})
