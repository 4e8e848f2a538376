import type { AdapterName } from './answering.js'

/**
 * A started adapter as the composition root sees it: `/readyz` asks `isReady`, shutdown calls `stop`.
 */
export interface RunningAdapter {
  name: AdapterName
  /** True once connected and serving (polling started, gateway READY). */
  isReady(): boolean
  /** Stops taking new updates, lets replies in flight finish, closes connections. Resolves when done. */
  stop(): Promise<void>
}
