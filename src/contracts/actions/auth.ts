/** Identity: the local development login (local mode only) and "who am I". */
import { z } from 'zod'
import { defineAction, id, noInput } from '../action'
import type { LoginGroup, MeView } from '../views'

export const authActions = {
  /** People of the seeded township, grouped by role, for the local login screen. */
  'auth.devPeople': defineAction<{ groups: LoginGroup[] }>()({ input: noInput, public: true, localOnly: true, demoOnly: true }),
  /** Sign in as a seeded person; answers a signed session token. */
  'auth.devLogin': defineAction<{ token: string; me: MeView }>()({
    input: z.object({ personId: id() }).strict(),
    public: true,
    localOnly: true,
    demoOnly: true,
  }),
  'me.get': defineAction<MeView>()({ input: noInput }),
}
