/**
 * A cadre's record (档案): the list of cadres a viewer may open, responsibility notes (责任追究) by
 * the team leader or the township, and the cadres a public supervisor may name in a report.
 * One rule: the record is read by the cadre, their team leader, the office, the leaders and the
 * supervision group of the township only.
 */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText } from '../action'
import type { PersonRef } from '../views'
import type { CadreListRow, ChainNoteView } from '../views.records'

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

export const recordActions = {
  /** The cadres whose record the caller may open: office/leaders/supervisors all, a team leader the members, a cadre self. */
  'records.cadres': defineAction<CadreListRow[]>()({ input: noInput }),
  /** A responsibility note in a cadre's record: the cadre's team leader or the township office. */
  'records.addNote': defineAction<ChainNoteView>()({
    input: z.object({ cadreId: id(), period: month().nullable(), text: requiredText(500) }).strict(),
    write: true,
  }),
  /** The township's cadres and villages a public supervisor (作风建设监督员) may name in a report. */
  'supervision.reportTargets': defineAction<{ cadres: PersonRef[]; villages: { id: string; name: string }[] }>()({ input: noInput }),
}
