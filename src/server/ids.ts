/** Ids for new documents: a readable prefix and a random UUID (never guessable, never reused). */
import { randomUUID } from 'node:crypto'

export const newId = (prefix: string): string => `${prefix}-${randomUUID()}`
