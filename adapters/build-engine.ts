import { fileURLToPath } from 'node:url'
import { createEngine, type Engine, type EngineOptions } from '../src/index.js'
import { loadCorpusDir } from './load-corpus.js'
import { loadWordNetSynsets } from './wordnet.js'

/** The corpus bundled with the project. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url))

/** How long each stage of building took, for logs and benchmarks. */
export interface BuildTimings {
  loadMs: number
  thesaurusMs: number
  indexMs: number
}

/** Reads a corpus folder and builds the engine over it, with WordNet query expansion. */
export async function buildEngineFromDir(dir: string, options: EngineOptions = {}): Promise<{ engine: Engine; articles: number; timings: BuildTimings }> {
  const startedAt = performance.now()
  const [articles, synsets] = await Promise.all([loadCorpusDir(dir), options.synsets ? Promise.resolve(options.synsets) : loadWordNetSynsets()])
  const loadedAt = performance.now()
  const engine = createEngine(articles, { ...options, synsets })
  const builtAt = performance.now()
  return {
    engine,
    articles: articles.length,
    timings: { loadMs: loadedAt - startedAt, thesaurusMs: loadedAt - startedAt, indexMs: builtAt - loadedAt },
  }
}
