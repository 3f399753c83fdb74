/** Roster: households and their cadres (包户), and the coverage check the office watches. */
import { z } from 'zod'
import { defineAction, id, noInput } from '../action'
import type { CadreCardView, CoverageView, HouseholdRow } from '../views'
import { attachmentUrl } from './tickets'

export const rosterActions = {
  /** The villager's own cadre, team and last confirmed visit. */
  'villager.myCadre': defineAction<CadreCardView>()({ input: noInput, errors: ['ROSTER.HOUSEHOLD_UNASSIGNED'] }),
  /** A township cadre sets his own photo (issue 12 item 9): his own upload, never another person's. */
  'cadre.setPhoto': defineAction<{ photoUrl: string }>()({
    input: z.object({ photoUrl: attachmentUrl() }).strict(),
    errors: ['TICKET.ATTACHMENT_NOT_YOURS'],
    write: true,
  }),
  /** The households a resident cadre covers. */
  'cadre.households': defineAction<HouseholdRow[]>()({ input: noInput }),
  /** Groups without a cadre (error) and cadres outside 60-70 households (warning). */
  'roster.coverage': defineAction<CoverageView>()({ input: noInput }),
  /** Assign a household to a resident cadre, or unassign it (cadreId null). */
  'roster.assignHousehold': defineAction<{ householdId: string; cadreId: string | null }>()({
    input: z.object({ householdId: id(), cadreId: id().nullable() }).strict(),
    errors: ['ROSTER.NOT_RESIDENT_CADRE'],
    write: true,
  }),
}
