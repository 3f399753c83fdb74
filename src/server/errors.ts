/**
 * An expected failure inside a handler: a stable code (src/contracts/errors.ts), thrown so that the
 * surrounding transaction rolls back and nothing is written. One rule: never for bugs; a bug is any
 * other exception and answers SERVER.INTERNAL.
 */
import type { ErrorCode, FieldIssue } from '../contracts/errors'

export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues?: FieldIssue[],
  ) {
    super(code)
    this.name = 'ActionError'
  }
}

export const refuse = (code: ErrorCode, issues?: FieldIssue[]): never => {
  throw new ActionError(code, issues)
}
