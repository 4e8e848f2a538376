import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Api } from 'grammy'
import type { Update } from 'grammy/types'

/**
 * Answers inside the webhook's HTTP response. Telegram accepts one Bot API call as the body of its
 * webhook's answer and performs it as it reads the answer, so a reply sent that way reaches Telegram
 * only together with the acknowledgement of its update: a replica killed before answering has sent
 * nothing (Telegram delivers the update again, and another replica answers it), one killed after
 * answering has delivered both (Telegram does not deliver it again). That closes the last window of
 * `update-claims.ts`, where a reply sent by its own API call could reach Telegram while the replica
 * died before marking the update done.
 *
 * The costs, which is why only replicas sharing a store use it (see `startTelegram`): the call's
 * result never comes back (no message id, and an error such as a 429 goes unseen and unretried),
 * and only one call per update travels this way; the others are API calls of their own.
 */

/**
 * The one method that travels in the webhook's answer: the reply to the asker. A typing action or a
 * press's acknowledgement must not take its place, and `answerInlineQuery` answered twice is harmless.
 * grammY asks this for the first calls of each update until it says yes once (`canUseWebhookReply`).
 */
export function canUseWebhookReply(method: string): boolean {
  return method === 'sendMessage'
}

/** The header Telegram sends its webhook's secret in (`setWebhook`'s `secret_token`). */
const SECRET_HEADER = 'x-telegram-bot-api-secret-token'

/**
 * The node:http adapter for grammY's `webhookCallback`, like grammY's own `http` adapter but for
 * a webhook reply that comes too late: once the webhook's answer is gone (the answer timeout
 * returned an empty 200, or the connection closed), the call is made through `api` instead of
 * being lost. A reply counts as delivered once its bytes are handed to the socket ('finish'):
 * a process killed after that still has the kernel send them.
 */
export function createWebhookReplyAdapter(api: Api) {
  return (request: IncomingMessage, response: ServerResponse) => ({
    // A getter, as grammY's own adapter has: the body is read only once the secret matched.
    get update() {
      return readUpdate(request)
    },
    header: [request.headers[SECRET_HEADER]].flat()[0],
    end: () => response.end(),
    respond: async (json: string) => {
      if (!response.headersSent && !response.destroyed && (await writeAnswer(response, json))) return
      await callApi(api, json)
    },
    unauthorized: () => response.writeHead(401).end('secret token is wrong'),
    // Nothing to hand back to node:http, as with grammY's own adapter (typed so `webhookCallback` returns a promise).
    handlerReturn: undefined,
  })
}

/** Resolves `true` once `json` is handed to the socket, `false` when the connection closed first. */
function writeAnswer(response: ServerResponse, json: string): Promise<boolean> {
  return new Promise((resolve) => {
    const finished = () => resolve(true)
    response.once('finish', finished)
    response.once('close', () => {
      response.off('finish', finished)
      resolve(response.writableFinished)
    })
    response.writeHead(200, { 'content-type': 'application/json' }).end(json)
  })
}

/** Makes the call a webhook reply carries (`{ method, ...payload }`) as an API call of its own. */
async function callApi(api: Api, json: string): Promise<void> {
  const { method, ...payload } = JSON.parse(json) as { method: string } & Record<string, unknown>
  const call = (api.raw as unknown as Record<string, ((payload: unknown) => Promise<unknown>) | undefined>)[method]
  if (call === undefined) throw new Error(`webhook reply: unknown Bot API method ${method}`)
  await call(payload)
}

/** The update in the request's body; rejects with a `SyntaxError` when it is not JSON. */
async function readUpdate(request: IncomingMessage): Promise<Update> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update
}
