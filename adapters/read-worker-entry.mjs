// The reading threads' entry, in plain JavaScript: a worker does not get the `--import tsx` hooks of
// the process on Node 20, so it registers tsx itself before loading the TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./read-worker-thread.ts')
