/**
 * Roster editing and privacy: households with masked phone and address; revealing one is a logged
 * action (the log below says who saw whose, when); the address can be corrected in place.
 * Test selectors: `.roster-list`, `.roster-row`, `.reveal-phone`, `.reveal-log`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { formatDay } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { RosterHouseholdRow } from '../../contracts'
import { zhCN } from '../../i18n/zh-CN'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './office.scss'

const m = zhCN.office.ui.roster

const Row = ({ h, onRevealed }: { h: RosterHouseholdRow; onRevealed: () => void }) => {
  const reveal = useSubmit('office.reveal')
  const update = useSubmit('office.updateHousehold')
  const [phone, setPhone] = useState<string | null>(null)
  const [address, setAddress] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const show = async (field: 'phone' | 'address') => {
    const subjectId = field === 'phone' ? h.headId : h.id
    if (!subjectId) return
    const out = await reveal.submit({ subjectId, field })
    if (!out) return
    if (field === 'phone') setPhone(out.value)
    else setAddress(out.value)
    onRevealed()
  }
  const save = async () => {
    if (address === null) return
    if (await update.submit({ householdId: h.id, address })) {
      toast(m.saved)
      setEditing(false)
    }
  }
  const error = reveal.error ?? update.error
  return (
    <View className={`office-row roster-row roster-${h.id}`}>
      <Text className='office-row__title'>{`${h.villageName}${h.groupName} ${h.number}号 ${h.headName}`}</Text>
      <Text className='office-row__meta'>{m.cadre(h.cadreName)}</Text>
      <Text className='office-row__meta roster-phone'>{phone ? m.revealed(phone) : h.phoneMasked}</Text>
      {editing && address !== null ? (
        <Field label={m.edit} value={address} onChange={setAddress} maxlength={100} />
      ) : (
        <Text className='office-row__meta roster-address'>{address ? m.revealed(address) : h.addressMasked}</Text>
      )}
      <View className='office-buttons'>
        {h.headId && !phone ? (
          <Button kind='secondary' className='reveal-phone' loading={reveal.pending} onClick={() => void show('phone')}>
            {m.reveal}
          </Button>
        ) : null}
        {address === null ? (
          <Button kind='secondary' className='reveal-address' onClick={() => void show('address')}>
            {m.revealAddress}
          </Button>
        ) : editing ? (
          <Button className='save-address' loading={update.pending} onClick={() => void save()}>
            {m.save}
          </Button>
        ) : (
          <Button kind='plain' className='edit-address' onClick={() => setEditing(true)}>
            {m.edit}
          </Button>
        )}
      </View>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </View>
  )
}

const RevealLog = ({ generation }: { generation: number }) => {
  const { state, reload } = useCall('office.revealLog', {}, generation >= 0)
  return (
    <Section title={m.logTitle} className='reveal-log'>
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.logEmpty}>
        {(rows) => (
          <View>
            {rows.map((r) => (
              <View key={r.id} className='office-row reveal-row'>
                <Text className='office-row__meta'>{m.logRow(r.actor, r.subject, r.field)}</Text>
                <Text className='office-row__meta'>{formatDay(r.at)}</Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const RosterList = () => {
  const [query, setQuery] = useState('')
  const [generation, setGeneration] = useState(0)
  const { state, reload } = useCall('office.households', { query: query.trim() || undefined, limit: 30 })
  return (
    <View>
      <Section title={m.listTitle} className='roster-list'>
        <Field label={m.search} value={query} onChange={setQuery} maxlength={20} className='roster-search' />
        <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <View>
              {rows.map((h) => (
                <Row key={h.id} h={h} onRevealed={() => setGeneration((g) => g + 1)} />
              ))}
            </View>
          )}
        </Loadable>
      </Section>
      <RevealLog key={generation} generation={generation} />
    </View>
  )
}
