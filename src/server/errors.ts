/**
 * An expected failure inside a handler: a stable code (src/contracts/errors.ts), thrown so that the
 * surrounding transaction rolls back and nothing is written. One rule: never for bugs; a bug is any
 * other exception and answers SERVER.INTERNAL.
 */
import type { ErrorCode, FieldIssue } from '../contracts/errors'
import type { Store } from './storage/port'

export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues?: FieldIssue[],
    /**
     * A record of the refusal itself (a refused sign-off kept for supervision): written by the
     * dispatcher on its own after the write's transaction has rolled back.
     */
    readonly recordRefusal?: (store: Store) => Promise<void>,
  ) {
    super(code)
    this.name = 'ActionError'
  }
}

export const refuse = (code: ErrorCode, issues?: FieldIssue[]): never => {
  throw new ActionError(code, issues)
}

/** Refuses, and keeps a record of the refusal (written although the write rolls back). */
export const refuseAndRecord = (code: ErrorCode, record: (store: Store) => Promise<void>): never => {
  throw new ActionError(code, undefined, record)
}
