/**
 * The office hub (机关合署办公), the month-end close and the public posting, supervision (督导组 and
 * 作风建设监督员), notices (村务公开), privacy reveals and WeChat binding invitations.
 * One rule: every office.* and supervision.* action is refused to villagers and resident cadres.
 */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText, text } from '../action'
import type { CadreRecordView } from '../views.records'
import type {
  CheckView,
  CloseView,
  DashboardView,
  FindingView,
  NoticeView,
  PeriodView,
  PostingView,
  ReportView,
  ResultsView,
  RevealRow,
  RosterHouseholdRow,
  SupervisionDashboardView,
} from '../views.office'

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const officeActions = {
  /** Close a month: compute and store the result with the digest of its inputs. */
  'office.closePeriod': defineAction<CloseView>()({
    input: z.object({ period: month() }).strict(),
    errors: ['PERIOD.ALREADY_CLOSED', 'PERIOD.NOT_ENDED'],
    write: true,
  }),
  /** 结账 preview (issue 12): the posting the close would publish, computed and not stored. */
  'office.postingPreview': defineAction<PostingView>()({
    input: z.object({ period: month() }).strict(),
    errors: ['PERIOD.ALREADY_CLOSED', 'PERIOD.NOT_ENDED'],
  }),
  /** Reopen a closed month; the reason is logged with the digest it undid. */
  'office.reopenPeriod': defineAction<PeriodView>()({
    input: z.object({ period: month(), reason: requiredText(200) }).strict(),
    errors: ['PERIOD.NOT_CLOSED'],
    write: true,
  }),
  /** The last months and their close status. */
  'office.periods': defineAction<PeriodView[]>()({ input: noInput }),
  'office.dashboard': defineAction<DashboardView>()({
    input: z.object({ period: month(), villageId: id().nullable().optional(), teamId: id().nullable().optional() }).strict(),
  }),
  'office.results': defineAction<ResultsView>()({ input: z.object({ period: month(), villageId: id().nullable().optional() }).strict() }),
  /** Roster search for editing (masked phones and addresses). */
  'office.households': defineAction<RosterHouseholdRow[]>()({
    input: z.object({ query: text(20).optional(), villageId: id().nullable().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
  }),
  'office.updateHousehold': defineAction<{ householdId: string }>()({
    input: z.object({ householdId: id(), headName: requiredText(20).optional(), address: text(100).optional(), groupId: id().optional() }).strict(),
    write: true,
  }),
  'office.updatePerson': defineAction<{ personId: string }>()({
    input: z.object({ personId: id(), name: requiredText(20).optional(), phone: z.string().regex(/^1\d{10}$/).optional(), title: text(30).optional() }).strict(),
    write: true,
  }),
  /** Reveal one masked phone (of a person) or address (of a household): logged who, whose, when. */
  'office.reveal': defineAction<{ value: string }>()({
    input: z.object({ subjectId: id(), field: z.enum(['phone', 'address']) }).strict(),
    write: true,
    personal: true,
  }),
  'office.revealLog': defineAction<RevealRow[]>()({ input: noInput }),
  /** Post a notice to one village or (villageId null) the whole township. */
  'office.postNotice': defineAction<NoticeView>()({
    input: z.object({ villageId: id().nullable(), title: requiredText(40), body: requiredText(1000) }).strict(),
    write: true,
  }),
  'office.notices': defineAction<{ notices: NoticeView[]; villages: { id: string; name: string }[] }>()({ input: noInput }),

  'supervision.dashboard': defineAction<SupervisionDashboardView>()({ input: z.object({ month: month() }).strict() }),
  'supervision.planCheck': defineAction<CheckView>()({
    input: z.object({ date: date(), villageId: id().nullable(), note: text(200) }).strict(),
    errors: ['DATE.IN_PAST'],
    write: true,
  }),
  'supervision.recordCheck': defineAction<CheckView>()({
    input: z.object({ checkId: id(), outcome: z.enum(['ok', 'problem']), cadreId: id().nullable(), note: requiredText(500) }).strict(),
    errors: ['SUPERVISION.ALREADY_RECORDED'],
    write: true,
  }),
  /** Verify a cadre said to be in a village, by phone or in person; absent = a finding. */
  'supervision.verifyPresence': defineAction<CheckView>()({
    // A finding goes into a person's record: it says how it was verified (issue 12).
    input: z.object({ cadreId: id(), villageId: id(), method: z.enum(['phone', 'inPerson']), present: z.boolean(), note: requiredText(500) }).strict(),
    write: true,
  }),
  'supervision.reports': defineAction<ReportView[]>()({ input: noInput }),
  'supervision.resolveReport': defineAction<ReportView>()({
    input: z.object({ reportId: id(), upheld: z.boolean(), note: requiredText(500) }).strict(),
    errors: ['SUPERVISION.ALREADY_RECORDED'],
    write: true,
  }),
  /** 作风建设监督员 (and the group) file a report about a cadre or a village. */
  'supervision.fileReport': defineAction<ReportView>()({
    input: z.object({ cadreId: id().nullable(), villageId: id().nullable(), text: requiredText(1000) }).strict(),
    write: true,
  }),
  'supervision.findings': defineAction<FindingView[]>()({ input: z.object({ cadreId: id().nullable() }).strict() }),

  /** Anyone in the township, villagers included: the closed months that have a posting. */
  'posting.months': defineAction<string[]>()({ input: noInput }),
  'posting.get': defineAction<PostingView>()({ input: z.object({ period: month() }).strict(), errors: ['PERIOD.NOT_CLOSED'] }),
  /** 自我点评: a resident cadre's own review of a month, until the month is closed. */
  'cadre.selfReview': defineAction<{ period: string; text: string }>()({
    input: z.object({ period: month(), text: requiredText(500) }).strict(),
    errors: ['PERIOD.ALREADY_CLOSED'],
    write: true,
  }),
  /**
   * A cadre's record (档案): closed months' attendance and 1135 scores, findings, self-reviews and
   * responsibility notes; the cadre, their team leader, the office, leaders and supervisors.
   */
  'cadre.record': defineAction<CadreRecordView>()({ input: z.object({ cadreId: id() }).strict() }),
  /** A team leader: the findings of the members of the teams they lead. */
  'team.findings': defineAction<FindingView[]>()({ input: noInput }),
  /** A villager's notices: their village's and the township's. */
  'notices.forMe': defineAction<NoticeView[]>()({ input: noInput }),

}
