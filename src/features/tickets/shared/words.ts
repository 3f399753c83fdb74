/** Tickets in plain words: category, question and option names from the catalogue. */
import { msg } from '../../../i18n'

const m = msg.ticketLoop

export const categoryName = (id: string): string => m.category[id] ?? id
export const questionLabel = (id: string, label?: string): string => m.questions[id] ?? label ?? id
export const optionName = (id: string): string => m.options[id] ?? id
export const actionWords = (action: string): string => m.action[action] ?? action
export const hoursLeft = (dueAt: number, now: number): number => Math.round((dueAt - now) / 3_600_000)
