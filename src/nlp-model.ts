import { createRequire } from 'node:module'
import model from 'wink-eng-lite-web-model'

/**
 * wink-eng-lite-web-model with a faster reading of its core model, for one wink-nlp instance per
 * thread. The model's own `core()` (its `read-core-model.js` and `load-core-model.js`, version 1.8.1,
 * pinned in package.json) first deep-copies the 3 MB JSON it has already parsed, through
 * `JSON.stringify` and `JSON.parse`: 78 of the load's 164 ms (load average 2.3). The copy only keeps
 * the parsed JSON unchanged for another instance; this reading copies the containers it fills instead
 * (the feature lists, the POS clusters, the packing), so the JSON stays as it was, and does the rest
 * step for step as the model's own code does: the same lexicon bytes, the same hashes, the same lists.
 */
export const fastCoreModel: typeof model = { ...model, core: readCoreModel }

/** The model's JSON, the very object the model's own loader parsed at import (Node keeps one per file). */
const CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json'

interface CoreJson {
  packing: { layout: Record<string, number[]> } & Record<string, unknown>
  features: Record<string, { list: string[] } & Record<string, unknown>>
  pos: { hash: Record<string, number> }
  lexicon: string
  xpansions: string
}

/** What the model's `core()` returns: its `readModel()` then `loadModel()`, without the deep copy. */
function readCoreModel(): unknown {
  const original = createRequire(import.meta.url)(CORE_JSON) as CoreJson
  const features: CoreJson['features'] = {}
  for (const [name, feature] of Object.entries(original.features)) features[name] = { ...feature, list: [...feature.list] }
  const core = { ...original, packing: { ...original.packing }, features, lexicon: new Uint32Array(bytesOfBase64(original.lexicon)), xpansions: new Uint32Array(bytesOfBase64(original.xpansions)) }
  const { packing, pos } = core
  // readModel: a hash of every list of a feature that is not computed, the lexemes', the POS clusters as sets.
  for (const name in packing.layout) {
    const feature = features[name]
    if (packing.layout[name]?.[3] !== 0 || !feature) continue
    const hash: Record<string, number> = Object.create(null) as Record<string, number>
    for (let k = 0; k < feature.list.length; k += 1) hash[feature.list[k] as string] = k
    feature.hash = hash
  }
  const lexeme = features.lexeme as CoreJson['features'][string]
  const lexemeHash: Record<string, number> = Object.create(null) as Record<string, number>
  for (let k = 0; k < lexeme.list.length; k += 1) lexemeHash[lexeme.list[k] as string] = k
  lexeme.hash = lexemeHash
  const clusters = (features.posClusters as CoreJson['features'][string]).list as unknown[]
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0))
  // loadModel: the sizes the cache grows from, and the extra features' list.
  const efList: string[] = []
  for (const name in packing.layout) {
    const layout = packing.layout[name] as number[]
    const feature = features[name]
    if (layout[3] === 0 && feature) {
      feature.intrinsicSize = feature.list.length
      feature.index = feature.list.length
      feature.maxIndex = (layout[1] as number) >>> (layout[2] as number)
    }
    if (layout[4] === 1) efList.push(name)
  }
  packing.efList = efList
  lexeme.intrinsicSize = lexeme.list.length
  lexeme.index = lexeme.list.length
  return core
}

/** The bytes of base64 `data`, as the model's `bufferFromBase64` decodes them. */
function bytesOfBase64(data: string): ArrayBuffer {
  const decoded = atob(data)
  const bytes = new Uint8Array(decoded.length)
  for (let k = 0; k < decoded.length; k += 1) bytes[k] = decoded.charCodeAt(k)
  return bytes.buffer
}
