import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A reverse proxy on 127.0.0.1 that hands each request to the next backend in turn, as a load
 * balancer in front of webhook replicas does. A backend that refuses the connection is skipped
 * (nginx's `proxy_next_upstream error`); one that drops a request mid-way gives a 502, and the
 * sender (Telegram) delivers the update again.
 */
export interface RoundRobinProxy {
  url: string
  /** Which backend (index into `ports`) served each update id, the last one that answered 200. */
  servedBy: Map<number, number>
  close(): Promise<void>
}

/** Starts the proxy in front of `ports`. */
export async function startRoundRobinProxy(ports: readonly number[]): Promise<RoundRobinProxy> {
  let next = 0
  const servedBy = new Map<number, number>()
  const forward = (index: number, path: string, headers: IncomingMessage['headers'], body: Buffer) =>
    new Promise<{ status: number; contentType: string | undefined; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port: ports[index], path, method: 'POST', headers: { ...headers, host: `127.0.0.1:${ports[index]}` } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 502, contentType: response.headers['content-type'], body: Buffer.concat(chunks) }))
        response.on('error', reject)
      })
      outgoing.on('error', reject)
      outgoing.end(body)
    })

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        for (let attempt = 0; attempt < ports.length; attempt++) {
          const index = next++ % ports.length
          try {
            const answer = await forward(index, incoming.url ?? '/', incoming.headers, body)
            if (answer.status === 200) servedBy.set((JSON.parse(body.toString()) as { update_id: number }).update_id, index)
            // The content type with the body: a webhook's answer may carry a Bot API call (a webhook reply).
            outgoing.writeHead(answer.status, answer.contentType === undefined ? {} : { 'content-type': answer.contentType }).end(answer.body)
            return
          } catch (error) {
            // Refused: this backend is down, try the next. Dropped mid-way: the update may be half done, let the sender redeliver.
            if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') continue
            outgoing.writeHead(502).end()
            return
          }
        }
        outgoing.writeHead(502).end()
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    servedBy,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
