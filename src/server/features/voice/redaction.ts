/**
 * Issue 13: what the server needs to redact text for other villagers: the names of the private
 * people of some villages (roster names other than cadres), and the content check of the port.
 * One rule: the redaction itself is core redactPublicText; this only gathers the names.
 */
import type { Person } from '../../../core/model'
import type { HandlerContext } from '../../context'
import { localContentSecurity, type ContentSecurity } from '../../wechat/content'

/** Cadres, secretaries, leaders and supervisors are public figures; everyone else on the roster is private. */
const isPublicFigure = (p: Person): boolean => p.roles.some((r) => r === 'cadre' || r === 'secretary' || r === 'leader' || r === 'supervisor')

/** The private names of these villages: their people (not public figures) and the heads of their households. */
export const privateNamesOf = async (ctx: HandlerContext, villageIds: readonly string[]): Promise<string[]> => {
  const ids = [...new Set(villageIds)]
  if (ids.length === 0) return []
  const [people, households] = await Promise.all([ctx.store.find('people', { villageId: ids }), ctx.store.find('households', { villageId: ids })])
  const publicNames = new Set(people.filter(isPublicFigure).map((p) => p.name))
  const names = [...people.filter((p) => !isPublicFigure(p)).map((p) => p.name), ...households.map((h) => h.headName)]
  return [...new Set(names)].filter((n) => !publicNames.has(n))
}

export const contentSecurityOf = (ctx: HandlerContext): ContentSecurity => ctx.deps.contentSecurity ?? localContentSecurity

/** The caller's WeChat openid in the cloud (msgSecCheck v2 checks it against the writer); none locally. */
export const callerOpenid = (ctx: HandlerContext): string | null => (ctx.caller?.kind === 'openid' ? ctx.caller.openid : null)
