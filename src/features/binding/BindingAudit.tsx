/**
 * For the supervision group: the accounts bound by invitation (who issued each) and the sign-offs
 * and ratings refused because of the account they came from (DOMAIN 3.12).
 * Test selectors: `.binding-audit`, `.audit-invited`, `.audit-refusal`.
 */
import { Text, View } from '@tarojs/components'
import { formatDay } from '../../components/format'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import './binding.scss'

const m = msg.binding

export const BindingAudit = () => {
  const { state, reload } = useCall('binding.audit', {})
  return (
    <Loadable state={state} onRetry={reload}>
      {({ invited, refusals }) => (
        <Section title={m.auditTitle} className='binding-audit'>
          <Text className='binding-note'>{m.auditInvited}</Text>
          {invited.length === 0 ? <Text className='binding-note'>{m.auditEmpty}</Text> : null}
          {invited.map((e) => (
            <View key={e.id} className='binding-event audit-invited'>
              <Text className='binding-note'>{m.event(e.person.name, e.kind, [m.method[e.method ?? ''] ?? '', e.by ? m.by(e.by.name) : ''].filter(Boolean).join('，'))}</Text>
              <Text className='binding-event__at'>{formatDay(e.at)}</Text>
            </View>
          ))}
          <Text className='binding-note'>{m.auditRefusals}</Text>
          {refusals.length === 0 ? <Text className='binding-note'>{m.auditEmpty}</Text> : null}
          {refusals.map((r) => (
            <View key={r.id} className='binding-event audit-refusal'>
              <Text className='binding-note'>{m.refusal(r.person.name, m.refusalAction[r.action] ?? '', r.cadre.name, m.refusalReason[r.reason] ?? '')}</Text>
              <Text className='binding-event__at'>{formatDay(r.at)}</Text>
            </View>
          ))}
        </Section>
      )}
    </Loadable>
  )
}
