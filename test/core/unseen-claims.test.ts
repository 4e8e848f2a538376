import { describe } from 'vitest'
import { itComparesUnseenEvents, loadUnseenEvents } from './unseen-events.js'

/**
 * Three invented events written as a held-out set before the code that finds their conflicts
 * (test/fixtures/compare-dam, compare-verdict, compare-nurses): a dam failure, a bribery verdict
 * and a nurses' strike, with the false-alarm traps of issue 13 (a total and its subtotal, a range
 * holding a value, rounding, a figure quoted to be denied, one post held by two people at different
 * times, speculation, a date of another verb in the sentence). Here they are also read as one
 * corpus: three events side by side must not borrow each other's figures.
 */
describe('disagreements on three unseen events read as one corpus', () => {
  itComparesUnseenEvents(loadUnseenEvents(['compare-dam', 'compare-verdict', 'compare-nurses']))
})
