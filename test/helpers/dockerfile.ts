import { posix } from 'node:path'

/**
 * The Dockerfile read as Docker reads it, for the scripts that stand in for a Docker engine
 * (`npm run docker:smoke` performs its instructions, `npm run compose:run-local` starts its
 * runtime stage's CMD with its ENV).
 */

/** One instruction, continued lines joined. */
export interface Instruction {
  keyword: string
  args: string
  line: number
}

/** Splits a Dockerfile into instructions, joining continued lines and dropping comments. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = []
  let buffer = ''
  let startLine = 0
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (buffer === '' && (line === '' || line.startsWith('#'))) return
    if (buffer === '') startLine = index + 1
    if (line.startsWith('#')) return
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `
      return
    }
    buffer += line
    const match = /^(\w+)\s+([\s\S]*)$/.exec(buffer.trim())
    if (!match) throw new Error(`Dockerfile line ${startLine}: cannot parse "${buffer}"`)
    instructions.push({ keyword: (match[1] ?? '').toUpperCase(), args: (match[2] ?? '').trim(), line: startLine })
    buffer = ''
  })
  return instructions
}

/** `KEY=value KEY2="two words"` → entries. */
export function parseEnv(args: string): [string, string][] {
  return [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/g)].map((match) => [match[1] ?? '', match[3] ?? match[4] ?? match[5] ?? ''])
}

/** A CMD or HEALTHCHECK in exec form (a JSON array), as its words. */
export function parseExecForm(args: string, what: string): string[] {
  try {
    const parsed: unknown = JSON.parse(args)
    if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')) return parsed
  } catch (error) {
    throw new Error(`${what} must be in exec form (a JSON array): ${args}`, { cause: error })
  }
  throw new Error(`${what} must be in exec form (a JSON array): ${args}`)
}


/** What a container of the image's last stage starts with. */
export interface RuntimeStage {
  workdir: string
  env: Record<string, string>
  cmd: string[]
}

/** The last stage's WORKDIR, ENV and CMD (what `docker run` of the image starts). */
export function runtimeStage(instructions: readonly Instruction[]): RuntimeStage {
  let stage: { workdir: string; env: Record<string, string>; cmd?: string[] } = { workdir: '/', env: {} }
  for (const { keyword, args, line } of instructions) {
    if (keyword === 'FROM') stage = { workdir: '/', env: {} }
    else if (keyword === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, args)
    else if (keyword === 'ENV') for (const [name, value] of parseEnv(args)) stage.env[name] = value
    else if (keyword === 'CMD') stage.cmd = parseExecForm(args, `Dockerfile line ${line}: CMD`)
  }
  if (stage.cmd === undefined) throw new Error('the Dockerfile’s last stage has no CMD')
  return { ...stage, cmd: stage.cmd }
}
