import { Counter, Gauge, type Registry } from 'prom-client'
import type { StoreMetrics } from './redis.js'

/** Registers the shared store's metrics on `registry`: `<prefix>store_up` and `<prefix>store_fallbacks_total{operation}`. */
export function createStoreMetrics(registry: Registry, prefix = 'quotes_bot_'): StoreMetrics {
  const up = new Gauge({ name: `${prefix}store_up`, help: 'Whether the shared store (Redis) answers: 1 yes, 0 this process stands in with its own memory', registers: [registry] })
  const fallbacks = new Counter({
    name: `${prefix}store_fallbacks_total`,
    help: 'Shared-store operations answered from this process’s memory because Redis could not be asked, by operation',
    labelNames: ['operation'] as const,
    registers: [registry],
  })
  return {
    setUp: (value) => up.set(value ? 1 : 0),
    recordFallback: (operation) => fallbacks.inc({ operation }),
  }
}
