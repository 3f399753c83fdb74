/**
 * The pure domain core, in one import. One rule: nothing here touches a clock, a random source,
 * storage, the network or the UI; callers pass time, ids and settings in.
 */
export * from './model'
export * from './settings'
export * from './result'
export * from './errors'
export * from './time'
export * from './roster'
export * from './tickets'
export * from './ticket-forms'
export * from './notifications'
export * from './visits'
export * from './signin'
export * from './attendance'
export * from './facts'
export * from './evaluation'
export * from './allowance'
export * from './close'
export * from './supervision'
export * from './results'
export * from './rosterImport'
export * from './images'
export * from './periods'
export * from './voice'
export * from './dates'
// ---- first-screen (issue 12 item 9): planned visits ----
export * from './visit-plans'
