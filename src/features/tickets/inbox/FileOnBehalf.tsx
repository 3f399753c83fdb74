/**
 * 代群众提交: a cadre picks one of their households (a villager without a phone) and files a
 * problem report or service request for it; the ticket says it was filed on behalf.
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import { msg } from '../../../i18n'
import { useCall } from '../../../services/useCall'
import { Chips } from '../shared/Pieces'
import { ProblemReportForm } from '../problem-reports/ProblemReportForm'
import { ServiceRequestForm } from '../service-requests/ServiceRequestForm'
import { HANDLER_TICKET_PAGE } from './CadreInbox'

const m = msg.ticketLoop

export const FileOnBehalf = () => {
  const households = useCall('cadre.households', {})
  const [householdId, setHouseholdId] = useState('')
  const [kind, setKind] = useState<'problem' | 'service'>('problem')
  return (
    <>
      <Section title={m.onBehalfTitle} className='file-on-behalf'>
        <Text className='mq-hint'>{m.onBehalfHint}</Text>
        <Loadable state={households.state} onRetry={households.reload}>
          {(list) => (
            <Chips
              options={list.map((h) => ({ id: h.id, label: `${h.groupName}${h.number}号 ${h.headName}` }))}
              selected={[householdId]}
              onToggle={setHouseholdId}
            />
          )}
        </Loadable>
        <Chips options={[{ id: 'problem', label: m.reportTitle }, { id: 'service', label: m.serviceTitle }]} selected={[kind]} onToggle={(k) => setKind(k as 'problem' | 'service')} />
      </Section>
      {householdId ? (
        kind === 'problem' ? (
          <ProblemReportForm key={householdId} householdId={householdId} detailPage={HANDLER_TICKET_PAGE} />
        ) : (
          <ServiceRequestForm key={householdId} householdId={householdId} detailPage={HANDLER_TICKET_PAGE} />
        )
      ) : null}
    </>
  )
}
