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
import { msg } from '../../i18n'
import type { VisitView } from '../../contracts'
import { useOutbox, waitingIds } from '../../services/useOutbox'

const m = msg.verdict.waiting

/** `visits`: from villager.home (which reloads when the person comes back after signing). */
export const WaitingVisits = ({ visits }: { visits: VisitView[] }) => {
  // A visit whose answer (signature or objection) waits on the phone for signal is not asked for again.
  const answered = waitingIds(useOutbox().items, ['visit.signOff', 'visit.dispute'], 'visitId')
  const waiting = visits.filter((v) => !answered.has(v.id))
  // Nothing waiting: the home stays calm; the list shows when there is one.
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
