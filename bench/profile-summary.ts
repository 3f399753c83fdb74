/**
 * A V8 CPU profile (.cpuprofile) summarised as text: the share of samples by package or source
 * folder (self time), by function (self time), and by function including what it calls.
 *   npx tsx bench/profile-summary.ts file.cpuprofile [top]
 */
import fs from 'node:fs'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** node_modules/<package>, src/<folder>/<file>, node:internal, or V8's pseudo frames. */
const where = (url: string): string => {
  if (!url) return '(native/V8)'
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const src = url.indexOf('/src/')
  if (src >= 0) return url.slice(src + 1).replace(/^file:\/\//, '')
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/')
  return url
}

const label = (f: CallFrame): string => `${f.functionName || '(anonymous)'} ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`

export const summarise = (profile: CpuProfile, top = 40): string => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    self.set(id, (self.get(id) ?? 0) + dt)
    total += dt
  })
  const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0)
  const busy = total - idle
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t)

  const selfByPlace = new Map<string, number>()
  const selfByFn = new Map<string, number>()
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame
    if (f.functionName === '(idle)') continue
    add(selfByPlace, f.url ? where(f.url) : f.functionName, t)
    add(selfByFn, label(f), t)
  }
  // Inclusive time per function: each sample counted once per distinct function on its stack.
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map<string, number>()
  for (const [id, t] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!.callFrame)
      if (!seen.has(l)) {
        seen.add(l)
        add(inclusive, l, t)
      }
    }
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `${pct(t)}  ${k}`)
  return [
    `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled (${((100 * busy) / total).toFixed(0)}%)`,
    '',
    'self time by place:',
    ...list(selfByPlace, 25),
    '',
    'self time by function:',
    ...list(selfByFn, top),
    '',
    'inclusive time by function:',
    ...list(inclusive, top),
  ].join('\n')
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2)
  console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 40)))
}
