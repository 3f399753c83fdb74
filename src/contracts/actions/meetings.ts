/**
 * 村两委及驻村工作组联系会议 (joint meetings): the village secretary's desk of escalated tickets,
 * convening a meeting with chosen tickets as its agenda, and recording attendees and decisions.
 * One rule: a meeting's agenda holds only its own village's escalated tickets.
 */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText } from '../action'
import type { MeetingView, SecretaryDeskView } from '../views'

export const meetingActions = {
  'meeting.desk': defineAction<SecretaryDeskView>()({ input: noInput }),
  'meeting.convene': defineAction<MeetingView>()({
    input: z
      .object({
        ticketIds: z.array(id()).min(1).max(20),
        topic: requiredText(100),
        /** Why these go to the meeting (the note on each ticket's step). */
        note: requiredText(500),
      })
      .strict(),
    errors: ['MEETING.TICKET_NOT_ESCALATED', 'CONFLICT.STALE_VERSION'],
    write: true,
  }),
  'meeting.record': defineAction<MeetingView>()({
    input: z
      .object({
        meetingId: id(),
        version: z.number().int().min(0),
        /** Person ids from the desk's attendee candidates (村两委, the secretary, the work team). */
        attendeeIds: z.array(id()).min(1).max(40),
        decisions: z
          .array(z.object({ ticketId: id(), decision: requiredText(500), ownerId: id() }).strict())
          .min(1)
          .max(20),
      })
      .strict(),
    errors: ['MEETING.TICKET_NOT_ON_AGENDA', 'MEETING.OWNER_NOT_IN_TEAM', 'MEETING.ATTENDEE_NOT_ELIGIBLE', 'MEETING.ALREADY_RECORDED', 'CONFLICT.STALE_VERSION'],
    write: true,
  }),
}
