import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'
import type { ShardProcessHealth } from './discord/shard-processes.js'
import type { Logger } from './logger.js'

/** What `/readyz` reports: ready when every check passes. */
export interface Readiness {
  ready: boolean
  /** One entry per check, e.g. `{ index: true, telegram: false }`. */
  checks: Record<string, boolean>
  /** Parts that work in a reduced way without making the process unready, e.g. `['redis']` while the shared store is down. */
  degraded?: string[]
  /** With Discord shard processes: each child process as the manager sees it (see `shard-processes.ts`). */
  processes?: ShardProcessHealth[]
}

/** Options for `startHealthServer`. */
export interface HealthServerOptions {
  /** Port to listen on; `0` picks a free one (tests). The composition root never passes 0: PORT=0 means no server. */
  port: number
  /** Address to listen on. Defaults to every interface, as a container needs. */
  host?: string
  /** Asked on every `/readyz`. */
  readiness(): Readiness
  /**
   * Asked on every `/healthz`, which then answers 200 with this as JSON (a manager process lists
   * its children). Defaults to none: `/healthz` answers a plain `ok`.
   */
  liveness?: () => Record<string, unknown>
  /** Serialized at `/metrics` (a registry, or anything that serializes like one, such as metrics merged across shard processes). */
  registry: Pick<Registry, 'contentType' | 'metrics'>
  logger: Logger
}

/** A listening health server. */
export interface HealthServer {
  /** The port it listens on. */
  port: number
  /** Stops listening and closes its connections. */
  close(): Promise<void>
}

/** The port is taken or not ours to use; the message says which variable to change. */
export class HealthServerError extends Error {
  override readonly name = 'HealthServerError'
}

/**
 * Starts the HTTP server for probes and scraping: `/healthz` answers 200 while the process runs
 * (with `liveness` as JSON when given),
 * `/readyz` 200 or 503 with the checks as JSON, `/metrics` the registry in Prometheus text format.
 * It listens before the index is built, so an orchestrator sees the process alive but not ready.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { port, host, logger } = options
  const server = createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      logger.error({ err: error, path: request.url }, 'health server request failed')
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('internal error\n')
    })
  })
  // Probes come every few seconds; a keep-alive socket must not hold up a shutdown.
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} is already in use: set PORT to a free port, or PORT=0 to turn the health server off`
          : error.code === 'EACCES'
            ? `port ${port} needs privileges this user does not have: set PORT above 1023`
            : error.message
      reject(new HealthServerError(`The health server cannot listen: ${reason}`, { cause: error }))
    })
    server.listen(port, host, () => resolve())
  })
  server.on('error', (error) => logger.error({ err: error }, 'health server error'))

  return {
    port: (server.address() as AddressInfo).port,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

async function route(request: IncomingMessage, response: ServerResponse, { readiness, liveness, registry }: HealthServerOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' })
    return
  }
  if (path === '/healthz') {
    // Alive while this process serves, whatever its children do: a manager respawns a dead child itself.
    if (liveness) send(response, 200, 'application/json', `${JSON.stringify({ status: 'ok', ...liveness() })}\n`)
    else send(response, 200, 'text/plain; charset=utf-8', 'ok\n')
  } else if (path === '/readyz') {
    const report = readiness()
    send(response, report.ready ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`)
  } else if (path === '/metrics') {
    send(response, 200, registry.contentType, await registry.metrics())
  } else {
    send(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz, /readyz or /metrics\n')
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers })
  response.end(response.req.method === 'HEAD' ? undefined : body)
}
