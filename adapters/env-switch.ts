import { z } from 'zod'

const TRUE_WORDS = ['1', 'true', 'yes', 'on']
const FALSE_WORDS = ['0', 'false', 'no', 'off']

/**
 * An on/off variable: `1`/`0`, also true/false, yes/no, on/off, any case. `message` is the error
 * for anything else, written for the operator. Not z.stringbool: its failure aborts the parse,
 * which would hide the cross-variable checks of the merged app schema.
 */
export const envSwitch = (message: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((word) => TRUE_WORDS.includes(word) || FALSE_WORDS.includes(word), message)
    .transform((word) => TRUE_WORDS.includes(word))
