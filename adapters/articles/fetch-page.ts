import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import robotsParserModule from 'robots-parser'
import { createHostAllowList, isBlockedAddress } from './address-policy.js'

/** Why a fetch was refused: each has its own message for a person (see `FetchRefusal.message`). */
export type FetchRefusalCode =
  | 'invalid-url'
  | 'unsupported-protocol'
  | 'blocked-address'
  | 'dns-failed'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'too-large'
  | 'not-html'
  | 'not-a-feed'
  | 'timeout'
  | 'robots'
  | 'network'

/** A refusal is an expected outcome: the message is written for the person who sent the link. */
export interface FetchRefusal {
  kind: 'refused'
  code: FetchRefusalCode
  message: string
}

/** What `fetchPage` returns. `not-modified` only answers a conditional request. */
export type FetchOutcome =
  | { kind: 'fetched'; url: string; status: number; contentType: string; body: string; etag?: string; lastModified?: string }
  | { kind: 'not-modified'; url: string }
  | FetchRefusal

// robots-parser is CommonJS whose `module.exports` is the function; its typings declare it as `default`.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default

/** What kind of document the caller expects; anything else is refused by its content type. */
export type ExpectedContent = 'html' | 'feed' | 'text'

/** Options of `createPageFetcher`. */
export interface PageFetcherOptions {
  /** Host names or addresses exempt from the address checks (`FETCH_ALLOW_HOSTS`). Defaults to none. */
  allowHosts?: readonly string[]
  /** Most redirects followed. Defaults to 5. */
  maxRedirects?: number
  /** Whole-request deadline, redirects included. Defaults to 10_000. */
  timeoutMs?: number
  /** Largest body read. Defaults to 5 MB. */
  maxBytes?: number
  /** Sent with every request, robots.txt included. Defaults to `DEFAULT_USER_AGENT`. */
  userAgent?: string
  /** Read and obey robots.txt. Defaults to `true`. */
  respectRobots?: boolean
  /** How long a robots.txt is trusted. Defaults to 3_600_000 (an hour). */
  robotsTtlMs?: number
}

/** The User-Agent the bot fetches with: a name and where to read what it does. */
export const DEFAULT_USER_AGENT = 'summit-quotes-bot/0.1 (+news quote bot; fetches pages people link to it)'

const DEFAULT_PAGE_FETCHER_OPTIONS: Required<Omit<PageFetcherOptions, 'allowHosts'>> = {
  maxRedirects: 5,
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  userAgent: DEFAULT_USER_AGENT,
  respectRobots: true,
  robotsTtlMs: 3_600_000,
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml']
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json', 'text/plain', 'application/rdf+xml']

/** Per-request extras: conditional headers for feeds. */
export interface FetchRequest {
  expect?: ExpectedContent
  etag?: string
  lastModified?: string
}

/** Fetches one URL safely enough to expose to chat; never throws for anything a URL can do. */
export type PageFetcher = (url: string, request?: FetchRequest) => Promise<FetchOutcome>

/** Thrown by the custom DNS lookup so the request fails before a connection is opened. */
class BlockedAddressError extends Error {
  override name = 'BlockedAddressError'
}

class FetchStop extends Error {
  override name = 'FetchStop'
  constructor(readonly refusal: FetchRefusal) {
    super(refusal.message)
  }
}

const refuse = (code: FetchRefusalCode, message: string): FetchRefusal => ({ kind: 'refused', code, message })

const BLOCKED_MESSAGE = 'That link points to a private or loopback address, which is not allowed.'

/**
 * Creates the fetcher. Only http and https; the address a host name resolves to is checked inside
 * the socket's own DNS lookup, so the address checked is the address connected to (no second
 * lookup an attacker's DNS could answer differently), and again for every redirect. At most
 * `maxRedirects` redirects, a `timeoutMs` deadline, a `maxBytes` body cap, content types by
 * `expect`, a descriptive User-Agent, robots.txt obeyed.
 */
export function createPageFetcher(options: PageFetcherOptions = {}): PageFetcher {
  const settings = { ...DEFAULT_PAGE_FETCHER_OPTIONS, ...options }
  const isAllowedHost = createHostAllowList(options.allowHosts ?? [])
  const robotsCache = new Map<string, { fetchedAt: number; isAllowed: (url: string) => boolean }>()

  // Resolves, then refuses every non-public answer unless the host or the address is allowed.
  const safeLookup =
    (hostname: string): LookupFunction =>
    (host, lookupOptions, callback) => {
      dnsLookup(host, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0)
        const allowed = isAllowedHost(hostname) ? addresses : addresses.filter((entry) => !isBlockedAddress(entry.address) || isAllowedHost(entry.address))
        if (allowed.length === 0) return callback(new BlockedAddressError(`${host} resolves only to non-public addresses`), '', 0)
        if (lookupOptions.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, allowed)
        const first = allowed[0] as LookupAddress
        callback(null, first.address, first.family)
      })
    }

  async function requestOnce(url: URL, headers: Record<string, string>, deadline: AbortSignal): Promise<IncomingMessage> {
    const hostname = url.hostname.replace(/^\[|\]$/g, '')
    // A literal address never goes through `lookup`: check it here.
    if (isIP(hostname) !== 0 && isBlockedAddress(hostname) && !isAllowedHost(hostname)) throw new FetchStop(refuse('blocked-address', BLOCKED_MESSAGE))
    const requestOptions: RequestOptions = { method: 'GET', headers: { 'user-agent': settings.userAgent, ...headers }, signal: deadline, lookup: safeLookup(hostname) }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(url, requestOptions, resolve)
      req.on('error', (error) => reject(translateError(error)))
      req.end()
    })
  }

  async function readBody(response: IncomingMessage): Promise<Buffer> {
    const declared = Number(response.headers['content-length'])
    if (Number.isFinite(declared) && declared > settings.maxBytes) {
      response.destroy()
      throw new FetchStop(tooLarge(settings.maxBytes))
    }
    const chunks: Buffer[] = []
    let total = 0
    try {
      for await (const chunk of response) {
        total += (chunk as Buffer).length
        if (total > settings.maxBytes) {
          response.destroy()
          throw new FetchStop(tooLarge(settings.maxBytes))
        }
        chunks.push(chunk as Buffer)
      }
    } catch (error) {
      throw translateError(error)
    }
    return Buffer.concat(chunks)
  }

  async function isAllowedByRobots(url: URL, deadline: AbortSignal): Promise<boolean> {
    if (!settings.respectRobots) return true
    const cached = robotsCache.get(url.origin)
    if (cached && Date.now() - cached.fetchedAt < settings.robotsTtlMs) return cached.isAllowed(url.href)
    const robotsUrl = new URL('/robots.txt', url.origin)
    let isAllowed: (href: string) => boolean = () => true
    try {
      const response = await requestOnce(robotsUrl, { accept: 'text/plain' }, deadline)
      // A missing or failing robots.txt means no rules (RFC 9309 §2.3.1.3 for 4xx).
      if (response.statusCode === 200) {
        const text = (await readBody(response)).toString('utf8')
        const robots = robotsParser(robotsUrl.href, text)
        isAllowed = (href) => robots.isAllowed(href, settings.userAgent) !== false
      } else {
        response.resume()
      }
    } catch (error) {
      // The address checks apply to robots.txt too; a refused robots.txt refuses the page.
      if (error instanceof FetchStop) throw error
    }
    robotsCache.set(url.origin, { fetchedAt: Date.now(), isAllowed })
    return isAllowed(url.href)
  }

  return async function fetchPage(link, request = {}) {
    const expect = request.expect ?? 'html'
    let url: URL
    try {
      url = new URL(link.trim())
    } catch {
      return refuse('invalid-url', 'That is not a link I can read: send a full address starting with https://.')
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return refuse('unsupported-protocol', `I only fetch http and https links, not ${url.protocol.replace(/:$/, '')}.`)
    }
    const deadline = AbortSignal.timeout(settings.timeoutMs)
    const seen = new Set<string>()
    const conditional: Record<string, string> = {}
    if (request.etag) conditional['if-none-match'] = request.etag
    if (request.lastModified) conditional['if-modified-since'] = request.lastModified
    try {
      for (let redirects = 0; ; redirects += 1) {
        url.hash = ''
        seen.add(url.href)
        if (!(await isAllowedByRobots(url, deadline))) return refuse('robots', 'That site’s robots.txt asks bots like me not to fetch that page.')
        const response = await requestOnce(url, { accept: acceptHeader(expect), ...conditional }, deadline)
        const status = response.statusCode ?? 0
        if ([301, 302, 303, 307, 308].includes(status)) {
          response.resume()
          const location = response.headers.location
          if (location === undefined) return refuse('http-status', `The site answered with a redirect (${status}) that leads nowhere.`)
          const next = new URL(location, url)
          if (next.protocol !== 'http:' && next.protocol !== 'https:') return refuse('unsupported-protocol', `That link redirects to a ${next.protocol.replace(/:$/, '')} address; I only fetch http and https.`)
          next.hash = ''
          if (seen.has(next.href)) return refuse('redirect-loop', 'That link redirects in a loop, so there is no page to read.')
          if (redirects + 1 > settings.maxRedirects) return refuse('too-many-redirects', `Too many redirects (more than ${settings.maxRedirects}).`)
          url = next
          continue
        }
        if (status === 304) {
          response.resume()
          return { kind: 'not-modified', url: url.href }
        }
        if (status < 200 || status >= 300) {
          response.resume()
          return refuse('http-status', statusMessage(status))
        }
        const contentType = String(response.headers['content-type'] ?? '')
        const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
        if (expect === 'html' && !HTML_TYPES.includes(mediaType)) {
          response.destroy()
          return refuse('not-html', `That page is not HTML (its content type is ${mediaType || 'not given'}).`)
        }
        if (expect === 'feed' && mediaType !== '' && !FEED_TYPES.includes(mediaType) && !mediaType.endsWith('+xml')) {
          response.destroy()
          return refuse('not-a-feed', `That address is not a feed (its content type is ${mediaType}).`)
        }
        const bytes = await readBody(response)
        const body = decodeBody(bytes, contentType)
        const etag = header(response, 'etag')
        const lastModified = header(response, 'last-modified')
        return { kind: 'fetched', url: url.href, status, contentType: mediaType, body, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
      }
    } catch (error) {
      if (error instanceof FetchStop) return error.refusal
      const translated = translateError(error)
      if (translated instanceof FetchStop) return translated.refusal
      return refuse('network', `I could not reach that site (${(error as NodeJS.ErrnoException).code ?? 'network error'}).`)
    }
  }
}

function translateError(error: unknown): unknown {
  if (error instanceof FetchStop) return error
  if (error instanceof BlockedAddressError) return new FetchStop(refuse('blocked-address', BLOCKED_MESSAGE))
  const name = (error as Error | undefined)?.name
  if (name === 'AbortError' || name === 'TimeoutError') return new FetchStop(refuse('timeout', 'That site took too long to answer (more than 10 seconds).'))
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchStop(refuse('dns-failed', 'I could not find that site: check the address.'))
  return error
}

function tooLarge(maxBytes: number): FetchRefusal {
  return refuse('too-large', `That page is too large (over ${Math.round(maxBytes / 1024 / 1024)} MB).`)
}

function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `That page does not exist (the site answered ${status}).`
  if (status === 401 || status === 403) return `That site does not let me read the page (it answered ${status}).`
  if (status >= 500) return `That site is having trouble (it answered ${status}); try again later.`
  return `That site answered ${status}, not a page.`
}

function acceptHeader(expect: ExpectedContent): string {
  if (expect === 'html') return 'text/html,application/xhtml+xml;q=0.9'
  if (expect === 'feed') return 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5'
  return 'text/plain,*/*;q=0.5'
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Decodes by the header's charset, else a `<meta charset>` in the first kilobyte, else UTF-8. */
function decodeBody(bytes: Buffer, contentType: string): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType)?.[1]
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1]
  const charset = fromHeader ?? fromMeta ?? 'utf-8'
  try {
    return new TextDecoder(charset).decode(bytes)
  } catch {
    // An unknown charset label: UTF-8 is the web's default and mostly right.
    return new TextDecoder('utf-8').decode(bytes)
  }
}
