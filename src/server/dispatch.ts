/**
 * The one door into the backend: `handle(request, caller, deps)` finds the action in the contract,
 * establishes who is calling, validates the input, and runs the handler; a write runs in one
 * transaction together with its idempotency record, so it happens once and completely or not at all.
 * The cloud function and the local HTTP server both call this and nothing else.
 * One rule: every answer is an ApiResponse with a stable code; nothing a caller sends can crash it.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { canonicalJson } from '../core/canonical'
import { actions, isActionName, type ActionName } from '../contracts'
import { ERROR_STATUS, type ApiResponse, type ErrorCode, type FieldIssue } from '../contracts/errors'
import { errorMessage, zhCN } from '../i18n/zh-CN'
import type { Actor, HandlerContext, ServerDeps } from './context'
import { ActionError } from './errors'
import { handlers } from './handlers'
import { resolveActor, type Caller } from './identity'
import { replayStillAllowed } from './replay'
import { DuplicateKeyError, StoreUnavailableError, VersionConflictError, type Store } from './storage/port'

export interface Answer {
  status: number
  body: ApiResponse<unknown>
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/

export const errorAnswer = (code: ErrorCode, issues?: FieldIssue[]): Answer => ({
  status: ERROR_STATUS[code],
  body: { ok: false, error: issues ? { code, message: errorMessage(code), issues } : { code, message: errorMessage(code) } },
})

const fieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.') || '(input)'
    const v = zhCN.validation
    // mongolian (issue 13 item 5): each issue also carries its code and numbers for the client's catalogue.
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? { path, message: v.required, code: 'validation.required' } : { path, message: v.invalid, code: 'validation.invalid' }
      case 'too_big':
        return issue.origin === 'string'
          ? { path, message: v.tooLong(Number(issue.maximum)), code: 'validation.tooLong', params: { max: Number(issue.maximum) } }
          : { path, message: v.outOfRange, code: 'validation.outOfRange' }
      case 'too_small':
        if (issue.origin !== 'string') return { path, message: v.outOfRange, code: 'validation.outOfRange' }
        return Number(issue.minimum) <= 1
          ? { path, message: v.required, code: 'validation.required' }
          : { path, message: v.tooShort(Number(issue.minimum)), code: 'validation.tooShort', params: { min: Number(issue.minimum) } }
      case 'unrecognized_keys':
        return { path: issue.keys.join(','), message: v.unknownField, code: 'validation.unknownField' }
      default:
        return { path, message: v.invalid, code: 'validation.invalid' }
    }
  })

const hashInput = (action: string, input: unknown): string =>
  createHash('sha256').update(action).update('\n').update(canonicalJson(input)).digest('hex')

const contextFor = (
  deps: ServerDeps,
  store: Store,
  actor: Actor | null,
  now: number,
  caller?: Caller,
  later?: (() => Promise<void>)[],
): HandlerContext => ({
  deps,
  store,
  settings: deps.settings,
  now,
  newId: deps.newId,
  actor,
  afterCommit: (work) => {
    if (later) later.push(work)
    else void runLater([work])
  },
  caller,
})

/** Side effects after a commit (messages to WeChat): a failure is logged, never undoes the write. */
const runLater = async (works: (() => Promise<void>)[]): Promise<void> => {
  for (const work of works) {
    try {
      await work()
    } catch (error) {
      console.error('[minqing] after-commit work failed:', error)
    }
  }
}

type AnyHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>

/**
 * What an actor's rights rest on: their roles, duty, township, village, household and the teams they
 * lead. A stored answer is replayed only to the same actor with the same scope: a cadre whose roles
 * or places changed since the first attempt is refused (AUTH.FORBIDDEN), not answered from the record.
 * guard: and only while the action's policy still allows it on its object (replay.ts).
 */
export const scopeOf = (actor: Actor | null): string => {
  if (!actor) return 'anonymous'
  const p = actor.person
  const facts = {
    roles: [...p.roles].sort(),
    duty: p.duty,
    townshipId: p.townshipId,
    villageId: p.villageId,
    householdId: p.householdId,
    led: actor.ledTeams.map((t) => t.id).sort(),
  }
  return createHash('sha256').update(canonicalJson(facts)).digest('hex')
}

/**
 * The stored first answer to a write ({ output }), 'rerun' for an action whose answer is personal
 * data (never kept: run again, with its checks and its log), or null if this request id is new.
 */
const replayOf = async (
  store: Store,
  key: string,
  action: ActionName,
  inputHash: string,
  scope: string,
  stillAllowed: (store: Store) => Promise<boolean>,
): Promise<{ output: unknown } | 'rerun' | null> => {
  const previous = await store.get('requests', key)
  if (!previous) return null
  if (previous.action !== action || previous.inputHash !== inputHash) throw new ActionError('IDEMPOTENCY.KEY_REUSED')
  if (previous.scope !== undefined && previous.scope !== scope) throw new ActionError('AUTH.FORBIDDEN')
  if (actions[action].personal) return 'rerun'
  // guard: the action's policy on its object as it is now (replay.ts): a household handed to another
  // cadre since the first attempt, or a member gone from the leader's team, refuses the replay.
  if (!(await stillAllowed(store))) throw new ActionError('AUTH.FORBIDDEN')
  return { output: previous.response }
}

const runWrite = async (
  deps: ServerDeps,
  name: ActionName,
  handler: AnyHandler,
  input: unknown,
  actor: Actor | null,
  requestId: string,
  caller?: Caller,
  retried = false,
): Promise<unknown> => {
  // A public action in WeChat (binding) is keyed by the caller's OPENID, so one account's retry
  // never answers another's.
  const anonymous = caller?.kind === 'openid' && caller.openid ? `openid-${caller.openid}` : 'anonymous'
  const key = `${actor?.person.id ?? anonymous}:${requestId}`
  const inputHash = hashInput(name, input)
  const scope = scopeOf(actor)
  const personal = actions[name].personal
  const later: (() => Promise<void>)[] = []
  const stillAllowed = (store: Store) => replayStillAllowed(name, input, contextFor(deps, store, actor, deps.clock(), caller))
  try {
    const output = await deps.store.transaction(async (tx) => {
      // A transaction run again (a MySQL deadlock victim) starts its side effects afresh.
      later.length = 0
      const replay = await replayOf(tx, key, name, inputHash, scope, stillAllowed)
      if (replay !== null && replay !== 'rerun') return replay.output
      const now = deps.clock()
      const output = await handler(input, contextFor(deps, tx, actor, now, caller, later))
      // A personal answer (a revealed phone) is never stored (a marker instead): a replay runs the action again.
      if (replay === null) await tx.insert('requests', { id: key, action: name, inputHash, response: personal ? { withheld: true } : (output ?? null), at: now, scope })
      return output
    })
    await runLater(later)
    return output
  } catch (error) {
    if (error instanceof ActionError && error.recordRefusal) {
      try {
        await error.recordRefusal(deps.store)
      } catch (recordError) {
        console.error('[minqing] a refusal could not be recorded:', recordError)
      }
    }
    // Two attempts with one id raced past the replay check (on MySQL, where transactions run side
    // by side): the loser's work was rolled back with its transaction, so answer the winner's. The
    // loser fails on the winner's request record, or earlier on what the winner changed (a stale
    // version, a refusal such as "already decided"): either way the winner's answer is the answer.
    if (
      (error instanceof DuplicateKeyError && error.collection === 'requests') ||
      error instanceof VersionConflictError ||
      error instanceof ActionError
    ) {
      const replay = await replayOf(deps.store, key, name, inputHash, scope, stillAllowed)
      // A personal action raced by its own retry runs once more; any other failure of it stands.
      if (replay === 'rerun') {
        if (error instanceof DuplicateKeyError && !retried) return runWrite(deps, name, handler, input, actor, requestId, caller, true)
        throw error
      }
      if (replay !== null) return replay.output
    }
    throw error
  }
}

export const handle = async (request: unknown, caller: Caller, deps: ServerDeps): Promise<Answer> => {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return errorAnswer('REQUEST.MALFORMED_JSON')
  const { action: name, input, requestId } = request as Record<string, unknown>
  if (typeof name !== 'string' || !isActionName(name)) return errorAnswer('ACTION.UNKNOWN')
  const def = actions[name]
  if (def.localOnly && deps.mode !== 'local') return errorAnswer('ACTION.UNKNOWN')
  if (def.demoOnly && !deps.demo) return errorAnswer('ACTION.UNKNOWN')
  try {
    const actor = def.public ? null : await resolveActor(deps, caller)
    // An absent input stands for {}; an explicit null is not an object and is refused by the schema.
    const parsed = (def.input as z.ZodType).safeParse(input === undefined ? {} : input)
    if (!parsed.success) return errorAnswer('VALIDATION.FAILED', fieldIssues(parsed.error))
    const handler = handlers[name] as AnyHandler
    let output: unknown
    if (def.write) {
      if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) return errorAnswer('REQUEST.ID_REQUIRED')
      output = await runWrite(deps, name, handler, parsed.data, actor, requestId, caller)
    } else {
      output = await handler(parsed.data, contextFor(deps, deps.store, actor, deps.clock(), caller))
    }
    return { status: 200, body: { ok: true, data: output ?? null } }
  } catch (error) {
    if (error instanceof ActionError) return errorAnswer(error.code, error.issues)
    if (error instanceof VersionConflictError) return errorAnswer('CONFLICT.STALE_VERSION')
    if (error instanceof StoreUnavailableError) {
      // Nothing was committed: the client keeps the write and retries it with the same request id.
      console.error(`[minqing] ${name}: ${error.message}`)
      return errorAnswer('SERVER.UNAVAILABLE')
    }
    console.error(`[minqing] ${name} failed:`, error)
    return errorAnswer('SERVER.INTERNAL')
  }
}
