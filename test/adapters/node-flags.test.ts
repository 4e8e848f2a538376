import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { BOT_NODE_FLAGS } from '../../adapters/node-flags.js'
import { parseDockerfile, runtimeStage } from '../helpers/dockerfile.js'

const ROOT = new URL('../../', import.meta.url)

describe("the bot's V8 flags", () => {
  it('are what `npm start` runs the bot with', async () => {
    const { scripts } = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.start).toBe(`node ${BOT_NODE_FLAGS.join(' ')} --import tsx adapters/main.ts`)
  })

  it("are what the Docker image's CMD runs the bot with", async () => {
    const stage = runtimeStage(parseDockerfile(await readFile(new URL('Dockerfile', ROOT), 'utf8')))
    expect(stage?.cmd).toEqual(['node', ...BOT_NODE_FLAGS, '--import', 'tsx', 'adapters/main.ts'])
  })
})
