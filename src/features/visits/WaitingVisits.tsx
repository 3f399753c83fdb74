/**
 * The villager home's "等我办的事": visits to my household waiting for a signature, each with a big
 * button to the sign-off page. Kept separate so "a ticket to confirm" can sit beside it.
 * Test selectors: `.waiting-visits`, `.waiting-visit`.
 */
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDay } from '../../components/format'
import { ROUTES, go } from '../../components/routes'
import { Section } from '../../components/Section'
import { zhCN } from '../../i18n/zh-CN'
import { useCall, useReloadOnReturn } from '../../services/useCall'
import { useOutbox, useReloadOnSent, waitingIds } from '../../services/useOutbox'

const m = zhCN.verdict.waiting

export const WaitingVisits = () => {
  const { state, reload } = useCall('visit.waiting', {})
  // Back on the home tab after signing: show what still waits.
  useReloadOnReturn(reload)
  // A signature or objection made without signal: reload once the outbox has sent it.
  useReloadOnSent(reload)
  // Meanwhile a visit whose answer waits on the phone is not asked for again.
  const answered = waitingIds(useOutbox().items, ['visit.signOff', 'visit.dispute'], 'visitId')
  const waiting = state.status === 'ready' ? state.data.filter((v) => !answered.has(v.id)) : []
  // Nothing waiting, or it could not load: the home stays calm; the list shows when there is one.
  if (waiting.length === 0) return null
  return (
    <Section title={m.title} className='waiting-visits'>
      {waiting.map((v) => (
        <View key={v.id} className={`waiting-visit waiting-visit-${v.id}`}>
          <Text className='mq-line'>{m.visitToSign(v.cadre.name, formatDay(v.at))}</Text>
          <Button big className='waiting-visit__sign' onClick={() => go(ROUTES.sign, { visit: v.id })}>
            {m.signNow}
          </Button>
        </View>
      ))}
    </Section>
  )
}
