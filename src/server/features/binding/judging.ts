/**
 * The server side of "forgery refused by construction" (DOMAIN 3.12): before a sign-off or a rating
 * is written, the caller's account is read (the bindings of its OPENID and of its person) and the
 * core's judgeRefusal decides; a refusal is answered with its code and kept for supervision even
 * though the write itself rolls back.
 */
import { judgeRefusal, type BindingFacts, type JudgeRefusal } from '../../../core/binding'
import type { JudgeRefusalRecord } from '../../../core/model'
import type { ErrorCode } from '../../../contracts/errors'
import type { Actor, HandlerContext } from '../../context'
import { refuseAndRecord } from '../../errors'

const CODES: Record<JudgeRefusal, ErrorCode> = {
  boundByJudged: 'VERDICT.BOUND_BY_JUDGED',
  boundRecently: 'VERDICT.BOUND_RECENTLY',
  staffAccount: 'VERDICT.STAFF_ACCOUNT',
  sharedAccount: 'VERDICT.SHARED_ACCOUNT',
}

/** The bindings that make up the caller's account: its OPENID's (in WeChat) and its person's. */
export const accountBindings = async (ctx: HandlerContext, actor: Actor): Promise<BindingFacts[]> => {
  const openid = ctx.caller?.kind === 'openid' ? ctx.caller.openid : null
  const [byPerson, byOpenid] = await Promise.all([
    ctx.store.find('bindings', { personId: actor.person.id }),
    openid ? ctx.store.find('bindings', { openid }) : Promise.resolve([]),
  ])
  const seen = new Set<string>()
  return [...byPerson, ...byOpenid].filter((b) => !seen.has(b.id) && seen.add(b.id))
}

/** Refuses (and records for supervision) a sign-off or rating of `cadreId` from an account that may not judge him. */
export const assertMayJudge = async (
  ctx: HandlerContext,
  actor: Actor,
  cadreId: string,
  action: JudgeRefusalRecord['action'],
  asVillager: boolean,
): Promise<void> => {
  const reason = judgeRefusal(cadreId, { person: actor.person, asVillager, bindings: await accountBindings(ctx, actor) }, ctx.now, ctx.settings)
  if (!reason) return
  const record: JudgeRefusalRecord = {
    id: ctx.newId('refusal'),
    townshipId: actor.person.townshipId,
    personId: actor.person.id,
    cadreId,
    action,
    reason,
    at: ctx.now,
  }
  refuseAndRecord(CODES[reason], (store) => store.insert('judgeRefusals', record))
}
