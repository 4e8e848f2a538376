import { Counter, type Registry } from 'prom-client'

/** The `/metrics` counter of votes: `quotes_bot_feedback_votes_total{platform, vote, reason}`, reason `none` when not given. */
export function createVoteCounter(registry: Registry, prefix = 'quotes_bot_'): Counter<'platform' | 'vote' | 'reason'> {
  return new Counter({
    name: `${prefix}feedback_votes_total`,
    help: 'Votes on answers, by platform, vote (up, down) and reason for a down vote (none when not given)',
    labelNames: ['platform', 'vote', 'reason'] as const,
    registers: [registry],
  })
}
