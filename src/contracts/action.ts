/**
 * How an action is declared: its input schema (zod, strict: unknown fields are refused), its output
 * type, the error codes it may return, whether it writes (then it needs a client request id and is
 * idempotent) and whether it exists only in local mode (the development login).
 * One rule: client and server both read these declarations; neither restates them.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'

export interface ActionDef<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type; never read at run time. */
  output: O
  /** Codes beyond the common ones (auth, validation, not found) this action may answer with. */
  errors: readonly ErrorCode[]
  write: boolean
  /** Needs no signed-in person (the development login). */
  public: boolean
  /** Exists only on the local server, never in the cloud function. */
  localOnly: boolean
  /** Exists only in demo mode (`npm start`): the person picker. */
  demoOnly: boolean
}

/** Declare an action: `defineAction<Output>()({ input, errors, write })`. */
export const defineAction =
  <O>() =>
  <I extends z.ZodType>(def: {
    input: I
    errors?: readonly ErrorCode[]
    write?: boolean
    public?: boolean
    localOnly?: boolean
    demoOnly?: boolean
  }): ActionDef<I, O> => ({
    input: def.input,
    output: undefined as unknown as O,
    errors: def.errors ?? [],
    write: def.write ?? false,
    public: def.public ?? false,
    localOnly: def.localOnly ?? false,
    demoOnly: def.demoOnly ?? false,
  })

// Shared field schemas: ids come from our own generators; text is bounded so nothing huge is stored.
export const id = () => z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)
export const text = (max: number) => z.string().trim().max(max)
export const requiredText = (max: number) => z.string().trim().min(1).max(max)
export const noInput = z.object({}).strict()
