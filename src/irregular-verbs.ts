import verbs from 'english-verbs-irregular/dist/verbs.json' with { type: 'json' }
import { inflectionsOf } from './thesaurus.js'

/**
 * Each irregular English verb's past forms, by its base form ("find" → "found"; "take" → "took",
 * "taken"), from RosaeNLG's list (the `english-verbs-irregular` package): a question asks with the
 * base after "did", an article writes the past, and Porter stems the two apart.
 */
const pastFormsByBase = new Map<string, string[]>()
/** The base forms a past form is one of ("found" → "find"; "lay" → "lie"). */
const basesByPastForm = new Map<string, string[]>()

for (const [base, pairs] of Object.entries(verbs as Record<string, string[][]>)) {
  const pasts = [...new Set(pairs.flat())].filter((form) => form !== base && /^[a-z]+$/.test(form))
  if (pasts.length === 0) continue
  pastFormsByBase.set(base, pasts)
  for (const past of pasts) basesByPastForm.set(past, [...(basesByPastForm.get(past) ?? []), base])
}

/**
 * The other forms of an irregular verb that `word` is a form of, without `word`: for a base form its
 * past forms ("find" → "found"; "begin" → "began", "begun"); for a past form its base with the
 * base's regular inflections and other past forms ("found" → "find", "finds", "finding"; "took" →
 * "take", "taken"). A past form that is also another word ("found" a company, "left" the side)
 * still reaches the verb it may be a form of: the caller decides how much that counts. A past form
 * is never inflected as a base: "found" for "find" must not reach "founded".
 */
export function irregularFormsOf(word: string): string[] {
  const forms = new Set(pastFormsByBase.get(word) ?? [])
  for (const base of basesByPastForm.get(word) ?? []) {
    for (const form of inflectionsOf(base)) forms.add(form)
    for (const past of pastFormsByBase.get(base) ?? []) forms.add(past)
  }
  forms.delete(word)
  return [...forms]
}

/** The base forms `word` is a past form of ("found" → ["find"]), none for a word that is no irregular past form. */
export function basesOfPastForm(word: string): readonly string[] {
  return basesByPastForm.get(word) ?? []
}
