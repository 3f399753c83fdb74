/**
 * Issue 13: the office's comment moderation queue: each comment as written and as it would be
 * posted (phones, ID numbers and villagers' names already hidden), the content check's hint, and
 * 通过并公示 / 不予公示 with a reason the writer is told. Each decision asks first.
 * Test selectors: `.moderation-queue`, `.moderation-row`, `.approve-comment`, `.refuse-comment`, `.refuse-<reason>`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/format'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { toast } from '../../components/feedback'
import type { ModerationView } from '../../contracts'
import { MODERATION_REFUSALS, type ModerationRefusal } from '../../core/voice'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { confirmThen } from './confirm'
import './voice.scss'

const m = msg.voice.moderation

const Row = ({ item, onDone }: { item: ModerationView; onDone: () => void }) => {
  const [refusing, setRefusing] = useState(false)
  const decision = useSubmit('moderation.decide')
  const decide = (approve: boolean, reason?: ModerationRefusal) =>
    confirmThen(approve ? m.approveConfirm : m.refuseConfirm, async () => {
      if (!(await decision.submit({ moderationId: item.id, approve, ...(reason ? { reason } : {}) }))) return
      toast(m.done)
      onDone()
    })
  return (
    <View className='voice-row moderation-row'>
      <Text className='voice-row__title'>{`${m.forCadre(item.cadre.name, item.period)} · ${formatDate(item.at)}`}</Text>
      <Text className='voice-row__meta'>{m.redacted}</Text>
      <Text className='voice-row__text moderation-redacted'>{item.redacted}</Text>
      {item.original !== item.redacted ? <Text className='voice-row__meta'>{`${m.original}：${item.original}`}</Text> : null}
      {item.check !== 'pass' ? <Text className='voice-row__warn moderation-flag'>{item.checkLabel ? m.flagged(item.checkLabel) : m.flaggedPlain}</Text> : null}
      {decision.error ? <ErrorState message={decision.error.message} code={decision.error.code} /> : null}
      {refusing ? (
        <View className='voice-buttons'>
          {MODERATION_REFUSALS.map((r) => (
            <Button key={r} kind='secondary' className={`refuse-${r}`} onClick={() => void decide(false, r)}>
              {m.reasons[r] ?? r}
            </Button>
          ))}
        </View>
      ) : (
        <View className='voice-buttons'>
          <Button className='approve-comment' onClick={() => void decide(true)}>
            {m.approve}
          </Button>
          <Button kind='secondary' className='refuse-comment' onClick={() => setRefusing(true)}>
            {m.refuse}
          </Button>
        </View>
      )}
    </View>
  )
}

export const ModerationQueue = () => {
  const queue = useCall('moderation.queue', {})
  return (
    <Section title={m.title} className='moderation-queue'>
      <Text className='voice-row__meta'>{m.intro}</Text>
      <Loadable state={queue.state} onRetry={queue.reload} isEmpty={(d) => d.length === 0} emptyText={m.empty}>
        {(items) => (
          <View>
            {items.map((item) => (
              <Row key={item.id} item={item} onDone={queue.reload} />
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
