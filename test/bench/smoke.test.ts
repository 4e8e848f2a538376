import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderQuality, renderSquad, runQuality, runSquad } from '../../bench/quality.js'
import { renderBench, runBench } from '../../bench/run.js'
import { renderScale, runScale } from '../../bench/scale.js'
import { SCIFACT_DIR } from '../../bench/scifact.js'
import { SQUAD_DIR } from '../../bench/squad.js'

/** SciFact sits in ../shared beside the clone (see .ci/run); without it the two benchmarks that read it are skipped. */
const hasSciFact = existsSync(join(SCIFACT_DIR, 'corpus.jsonl.gz'))
const hasSquad = existsSync(join(SQUAD_DIR, 'squad-dev-v1.1.json.gz'))

/** The benchmarks' smoke versions, so CI runs every code path of them. Figures are not checked: this machine is shared. */
describe('benchmarks (smoke versions)', () => {
  it('npm run bench reports startup both ways and per-question latency against minisearch', async () => {
    const report = await runBench({ smoke: true, adapters: false })
    expect(report.corpus.passages).toBeGreaterThan(0)
    expect(report.startup.snapshotBytes).toBeGreaterThan(0)
    expect(report.latency.ask.samples).toBe(report.corpus.questions)
    expect(Object.keys(report.targets)).toContain('start from snapshot')
    expect(renderBench(report)).toContain('plain minisearch, default options')
    expect(renderBench(report)).toContain("V8's default young generation")
    // The asks after a full collection, and after two in a row, have rows of their own.
    expect(renderBench(report)).toContain('forced full collections')
    expect(renderBench(report)).toContain('two full collections in a row')
  }, 120_000)

  it.skipIf(!hasSciFact)('npm run bench:quality scores SciFact queries through the bot\'s retrieval', async () => {
    const report = await runQuality({ smoke: true })
    expect(report.test.queries).toBeGreaterThan(0)
    expect(report.test.ndcg10).toBeGreaterThan(0)
    expect(report.test.ndcg10).toBeLessThanOrEqual(1)
    expect(renderQuality(report)).toContain('nDCG@10')
  }, 120_000)

  it.skipIf(!hasSquad)('npm run bench:quality asks SQuAD questions through engine.ask and counts declines on a half corpus', async () => {
    const report = await runSquad({ smoke: true })
    expect(report.all.questions).toBeGreaterThan(0)
    expect(report.all.any).toBeGreaterThanOrEqual(report.all.first)
    expect(report.abstention.ownQuestions + report.abstention.otherQuestions).toBe(report.all.questions)
    expect(renderSquad(report)).toContain('first quote')
  }, 180_000)

  it.skipIf(!hasSciFact)('npm run bench:scale measures the engine and the others on the same passages', async () => {
    const report = await runScale({ smoke: true })
    const [size] = report.sizes
    expect(size?.passages).toBe(2_000)
    expect(size?.systems.map((system) => system.name.split(' ')[0])).toEqual(['this', 'this', 'plain', 'lunr', 'flexsearch', 'floor:'])
    expect(renderScale(report)).toContain('search-only (generated text, stages skipped): 2,000 passages')
    // The real-text rows went through the bot's own build, every stage of it, and started from its snapshot.
    const [real] = report.real
    expect(Object.keys(real?.stages ?? {})).toEqual(expect.arrayContaining(['sentences', 'index', 'stories', 'claims', 'takeaways', 'examples']))
    expect(real?.stories).toBeGreaterThan(1)
    expect(real?.ask.p50Ms).toBeGreaterThan(0)
  }, 400_000)
})
