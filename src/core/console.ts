/**
 * Who may sign in to the web console (the office's desk, issue 10 item 5): township staff, that is
 * cadres (office hub and resident), the leadership and the supervision group. Villagers and village
 * officers use the mini-program only.
 * One rule: a pure predicate over the person's roles.
 */
import type { Person } from './model'

export const mayUseWebConsole = (person: Pick<Person, 'roles'>): boolean =>
  person.roles.includes('cadre') || person.roles.includes('leader') || person.roles.includes('supervisor')

/** The web console's login QR code holds `minqing:login:<code>`: the code, or null for any other text. */
export const loginCodeOf = (text: string): string | null => /^minqing:login:([A-Za-z0-9_-]{8,64})$/.exec(text.trim())?.[1] ?? null

/** A set-up code as people type it: upper case, without spaces or dashes (it is printed in groups). */
export const normalSetupCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase()
