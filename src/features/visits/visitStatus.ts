/** A visit's status in plain words (what it means for the cadre's record), and the scene -> id rule. */
import type { VisitView } from '../../contracts'
import { msg } from '../../i18n'

const m = msg.verdict.visit

export const visitStatusText = (v: Pick<VisitView, 'status' | 'expired'>): string => (v.expired ? m.status.expired : m.status[v.status])

/** A mini-program code's scene is the visit uuid's 32 hex digits: put the `v-` id back together. */
export const visitIdFromScene = (scene: string): string => {
  const hex = /^[0-9a-f]{32}$/.exec(scene)
  if (!hex) return scene
  return `v-${scene.slice(0, 8)}-${scene.slice(8, 12)}-${scene.slice(12, 16)}-${scene.slice(16, 20)}-${scene.slice(20)}`
}
