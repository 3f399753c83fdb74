/**
 * Expected failures are values, not exceptions: a rule returns `ok(value)` or `fail(code)`, and the
 * code is one of the stable error codes of src/contracts/errors.ts. Throw only for bugs.
 */

export type Ok<T> = { ok: true; value: T }
export type Fail<C extends string = string> = { ok: false; code: C; detail?: Record<string, unknown> }
export type Result<T, C extends string = string> = Ok<T> | Fail<C>

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value })
export const fail = <C extends string>(code: C, detail?: Record<string, unknown>): Fail<C> =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail }
