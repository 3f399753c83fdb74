/**
 * guard (issue 13 item 2): under the reporter's own photos, what the content check says: how many
 * photos wait for it before followers see them, and how many others never see, with the reason.
 * images: how many wait for the office's own look, and the office's reason for a refusal.
 * Test selectors: `.photo-check-note`, `.photo-check-note--waiting`, `.photo-check-note--office`, `.photo-check-note--hidden`.
 */
import { Text, View } from '@tarojs/components'
import type { TicketView } from '../../../contracts'
import { photoCheckSummary } from '../../../core/media'
import { msg } from '../../../i18n'

const m = msg.guard.photos

export const PhotoCheckNote = ({ checks }: { checks: NonNullable<TicketView['photoChecks']> }) => {
  const summary = photoCheckSummary(checks)
  if (summary.waiting === 0 && summary.withOffice === 0 && summary.hidden === 0) return null
  // A reason is WeChat's label code or the office's reason (images).
  const why = summary.reasons.map((code) => m.labels[code] ?? msg.images.reasons[code] ?? m.labels['21000']).join('、')
  return (
    <View className='photo-check-note'>
      {summary.waiting ? <Text className='mq-hint photo-check-note--waiting'>{m.pending(summary.waiting)}</Text> : null}
      {summary.withOffice ? <Text className='mq-hint photo-check-note--office'>{msg.images.withOffice(summary.withOffice)}</Text> : null}
      {summary.hidden ? <Text className='mq-hint photo-check-note--hidden'>{m.refused(summary.hidden, why)}</Text> : null}
    </View>
  )
}
