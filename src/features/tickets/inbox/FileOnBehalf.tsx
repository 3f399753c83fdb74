/**
 * 代群众提交: a cadre finds one of their households (a villager without a phone) by its number or the
 * head's name, chooses what to file, and files a problem report or service request for it; the
 * ticket says it was filed on behalf. The household is searched, never picked from a wall of chips
 * (look-a, issue 12). Selectors: `.file-on-behalf`, `.household-picker`, `.file-kind`.
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import type { HouseholdRow } from '../../../contracts'
import { msg } from '../../../i18n'
import { useCall } from '../../../services/useCall'
import { HouseholdPicker } from '../../cadre/HouseholdPicker'
import { Chips, Field } from '../shared/Pieces'
import { ProblemReportForm } from '../problem-reports/ProblemReportForm'
import { ServiceRequestForm } from '../service-requests/ServiceRequestForm'
import { HANDLER_TICKET_PAGE } from './CadreInbox'

const m = msg.ticketLoop
const l = msg.lookA.fileFor

/** By household number: the order of the paper roster the cadre knows. */
const byNumber = (a: HouseholdRow, b: HouseholdRow) => a.number.localeCompare(b.number)

export const FileOnBehalf = () => {
  const households = useCall('cadre.households', {})
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [kind, setKind] = useState<'problem' | 'service'>('problem')
  return (
    <>
      <Section title={m.onBehalfTitle} className='file-on-behalf'>
        <Text className='mq-hint'>{m.onBehalfHint}</Text>
        <Loadable state={households.state} onRetry={households.reload} isEmpty={(list) => list.length === 0} emptyText={msg.home.households.empty}>
          {(list) => <HouseholdPicker households={list} chosen={householdId} onChoose={setHouseholdId} title={l.which} chosenLabel={l.chosen} order={byNumber} />}
        </Loadable>
        {householdId ? (
          <Field label={l.kind} className='file-kind'>
            <Chips options={[{ id: 'problem', label: m.reportTitle }, { id: 'service', label: m.serviceTitle }]} selected={[kind]} onToggle={(k) => setKind(k as 'problem' | 'service')} />
          </Field>
        ) : null}
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
