/**
 * The demo seed's public face: generate a deterministic township (or county) and load it.
 * One rule: callers import from here, not from the files behind it.
 */
export {
  COUNTY_THRESHOLD,
  DEMO_SEED,
  HISTORY_DAYS,
  TOWNSHIP_HOUSEHOLDS,
  generateTownship,
  residentCadreCount,
  townshipSizes,
  type GenerateOptions,
  type SeedCollection,
  type SeedData,
} from './generate'
export { SEED_ORDER, seedStore } from './store'
export { createRandom, mixSeed, type Random } from './random'
