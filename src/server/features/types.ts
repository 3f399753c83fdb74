/** The shape of a feature's handlers, typed by the contract so input and output cannot drift. */
import type { ActionName, OutputOf, ParsedInputOf } from '../../contracts'
import type { HandlerContext } from '../context'

export type Handler<N extends ActionName> = (input: ParsedInputOf<N>, ctx: HandlerContext) => Promise<OutputOf<N>>
export type Handlers<N extends ActionName> = { [K in N]: Handler<K> }
