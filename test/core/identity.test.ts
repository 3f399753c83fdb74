/**
 * Issue 10's rules in the core: the hash chain (tamper evidence), who may use the web console, the
 * set-up code's normal form (the GCJ-02 datum: geo.test.ts).
 */
import { createHash } from 'node:crypto'
import { CHAIN_GENESIS, chainEntryHash, chainRecordHash, firstBrokenLink, firstChainProblem, nextChainEntry, type ChainEntry } from '../../src/core/chain'
import { mayUseWebConsole, normalSetupCode } from '../../src/core/console'

const sha = (t: string) => createHash('sha256').update(t).digest('hex')

const chainOf = (n: number): ChainEntry[] => {
  const out: ChainEntry[] = []
  for (let i = 1; i <= n; i++) {
    const head = out.at(-1) ?? null
    out.push(nextChainEntry(head, { id: `ts:${i}`, townshipId: 'ts', kind: 'visit', recordId: `v-${i}`, recordHash: chainRecordHash({ id: `v-${i}`, n: i }, sha), at: i }, sha))
  }
  return out
}

describe('tamper evidence: each entry links the previous', () => {
  it('a record has one hash whatever its key order', () => {
    expect(chainRecordHash({ a: 1, b: [1, { d: 2, c: 3 }] }, sha)).toBe(chainRecordHash({ b: [1, { c: 3, d: 2 }], a: 1 }, sha))
    expect(chainRecordHash({ a: 1 }, sha)).not.toBe(chainRecordHash({ a: 2 }, sha))
  })

  it('the first entry follows the genesis hash; each next one the previous entry hash', () => {
    const chain = chainOf(3)
    expect(chain[0]?.prevHash).toBe(CHAIN_GENESIS)
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash)
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(firstBrokenLink(chain, null, sha)).toBeNull()
    expect(firstBrokenLink(chain.slice(1), chain[0] ?? null, sha)).toBeNull()
  })

  it('an edited entry, a broken link and a gap are each named at their entry', () => {
    const chain = chainOf(4)
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, recordHash: sha('other') } : e))
    expect(firstBrokenLink(edited, null, sha)).toMatchObject({ fault: 'hash', seq: 2 })
    const relinked = chain.map((e) => (e.seq === 3 ? { ...e, prevHash: CHAIN_GENESIS } : e))
    expect(firstBrokenLink(relinked, null, sha)).toMatchObject({ fault: 'link', seq: 3 })
    // Rehashing an edited entry does not help: the next entry's link breaks.
    const rehashed = chain.map((e) => (e.seq === 2 ? { ...e, recordHash: sha('other'), hash: chainEntryHash({ ...e, recordHash: sha('other') }, sha) } : e))
    expect(firstBrokenLink(rehashed, null, sha)).toMatchObject({ fault: 'link', seq: 3 })
    expect(firstBrokenLink(chain.filter((e) => e.seq !== 2), null, sha)).toMatchObject({ fault: 'seq', seq: 2 })
  })

  it('the first problem is the lowest entry; records with no entry come last', () => {
    expect(
      firstChainProblem([
        { fault: 'unchained', seq: null, kind: 'rating', recordId: 'r' },
        { fault: 'record', seq: 7, kind: 'visit', recordId: 'v' },
        { fault: 'missing', seq: 3, kind: 'signin', recordId: 's' },
      ]),
    ).toMatchObject({ seq: 3 })
    expect(firstChainProblem([])).toBeNull()
  })
})

describe('the web console is for township staff', () => {
  it('cadres, leaders and the supervision group; not villagers or village officers', () => {
    expect(mayUseWebConsole({ roles: ['cadre'] })).toBe(true)
    expect(mayUseWebConsole({ roles: ['leader'] })).toBe(true)
    expect(mayUseWebConsole({ roles: ['supervisor'] })).toBe(true)
    expect(mayUseWebConsole({ roles: ['villager', 'secretary', 'committee'] })).toBe(false)
  })

  it('a set-up code is read without case, spaces or dashes', () => {
    expect(normalSetupCode(' abcd-efgh ijkm ')).toBe('ABCDEFGHIJKM')
  })
})

// The GCJ-02 datum of places and readings: test/core/geo.test.ts.
