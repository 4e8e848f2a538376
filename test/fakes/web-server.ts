import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Where the hand-written fixture pages and feeds live. */
export const FIXTURE_PAGES_DIR = new URL('../fixtures/pages/', import.meta.url)

/** Reads one fixture page or feed by file name. */
export function fixturePage(name: string): string {
  return readFileSync(new URL(name, FIXTURE_PAGES_DIR), 'utf8')
}

/** One route's answer: a fixed response, or a handler for anything special. */
export type Route =
  | { status?: number; type?: string; body: string; headers?: Record<string, string> }
  | ((request: IncomingMessage, response: ServerResponse) => void)

/** A local web server for fetch tests, on 127.0.0.1 only. */
export interface FakeWebServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string
  port: number
  /** Sets (or replaces) what a path answers. */
  route(path: string, route: Route): void
  /** Every request's path, in arrival order, with its conditional headers. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }>
  stop(): Promise<void>
}

/**
 * Starts the fixture web server with the routes every test shares: the fixture pages under
 * `/news/…`, a robots.txt that disallows `/private/`, redirects (a loop, a chain of seven, to the
 * metadata address, to 127.0.0.1), a 404, a PDF, and a 50 MB page streamed without a length.
 */
export async function startFakeWebServer(): Promise<FakeWebServer> {
  const routes = new Map<string, Route>()
  const requests: FakeWebServer['requests'] = []
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const header = (name: string) => {
      const value = request.headers[name]
      return typeof value === 'string' ? value : undefined
    }
    requests.push({
      path,
      ...(header('if-none-match') ? { ifNoneMatch: header('if-none-match') } : {}),
      ...(header('if-modified-since') ? { ifModifiedSince: header('if-modified-since') } : {}),
      ...(header('user-agent') ? { userAgent: header('user-agent') } : {}),
    })
    const route = routes.get(path)
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
      return
    }
    if (typeof route === 'function') return route(request, response)
    response.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const redirect = (location: string, status = 302): Route => (_request, response) => response.writeHead(status, { location }).end()

  for (const name of ['jsonld-article', 'og-only', 'cluttered', 'paywall', 'home', 'no-text', 'french']) routes.set(`/news/${name}`, { body: fixturePage(`${name}.html`) })
  routes.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' })
  routes.set('/private/page', { body: fixturePage('jsonld-article.html') })
  routes.set('/loop-a', redirect('/loop-b'))
  routes.set('/loop-b', redirect('/loop-a'))
  for (let i = 0; i < 7; i += 1) routes.set(`/chain/${i}`, redirect(`/chain/${i + 1}`, 301))
  routes.set('/chain/7', { body: fixturePage('jsonld-article.html') })
  routes.set('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'))
  routes.set('/to-loopback', redirect(`${origin}/news/jsonld-article`))
  routes.set('/moved', redirect('/news/og-only', 301))
  routes.set('/report.pdf', { type: 'application/pdf', body: '%PDF-1.7\n%…' })
  routes.set('/huge', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    let sent = 0
    // 50 MB without a content-length: the fetcher must stop reading at its cap.
    const pump = () => {
      while (sent < 50) {
        sent += 1
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      response.end()
    }
    response.on('close', () => (sent = 50))
    pump()
  })

  return {
    origin,
    port,
    route: (path, route) => void routes.set(path, route),
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
