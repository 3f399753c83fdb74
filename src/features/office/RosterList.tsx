/**
 * Roster editing and privacy: households with masked phone and address; revealing one is a logged
 * action (the log below says who saw whose, when); the address can be corrected in place; the
 * household's resident cadre (包户干部) can be changed, each cadre shown with their load, and the
 * page's coverage check is told to load again.
 * Test selectors: `.roster-list`, `.roster-row`, `.reveal-phone`, `.reveal-log`, `.assign-open`,
 * `.assign-choice`, `.assign-save`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { formatDay } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { CadreListRow, RosterHouseholdRow } from '../../contracts'
import { Choice } from '../../components/Field'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './office.scss'

const m = msg.office.ui.roster
const r = msg.records

/** Change the household's resident cadre (or leave it unassigned); each choice shows the cadre's load. */
const Assign = ({ h, residents, onDone, onCancel }: { h: RosterHouseholdRow; residents: CadreListRow[]; onDone: () => void; onCancel: () => void }) => {
  const assign = useSubmit('roster.assignHousehold')
  const [cadreId, setCadreId] = useState(h.cadreId ?? '')
  const save = async () => {
    if (await assign.submit({ householdId: h.id, cadreId: cadreId || null })) {
      toast(r.assigned)
      onDone()
    }
  }
  return (
    <View className='assign-panel'>
      <Choice
        label={r.assignTitle(`${h.number}号 ${h.headName}`)}
        className='assign-choice'
        options={[{ value: '', label: r.assignNone }, ...residents.map((c) => ({ value: c.id, label: r.assignLoad(c.name, c.households) }))]}
        value={cadreId}
        onChange={setCadreId}
      />
      <View className='office-buttons'>
        <Button className='assign-save' loading={assign.pending} onClick={() => void save()}>
          {m.save}
        </Button>
        <Button kind='plain' className='assign-cancel' onClick={onCancel}>
          {r.cancel}
        </Button>
      </View>
      {assign.error ? <ErrorState message={assign.error.message} code={assign.error.code} /> : null}
    </View>
  )
}

const Row = ({ h, residents, onRevealed, onAssigned }: { h: RosterHouseholdRow; residents: CadreListRow[]; onRevealed: () => void; onAssigned: () => void }) => {
  const reveal = useSubmit('office.reveal')
  const [assigning, setAssigning] = useState(false)
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
      <View className='office-buttons roster-actions'>
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
        {/* look-b: the four actions of a household in one compact group (they were four full-width bars per household) */}
        {assigning ? null : (
          <Button kind='secondary' className='assign-open' onClick={() => setAssigning(true)}>
            {r.assign}
          </Button>
        )}
        {/* The office invites a member whose roster phone is missing or wrong (never the household's cadre). */}
        <Button kind='plain' className='invite-open' onClick={() => void Taro.navigateTo({ url: `/subpackages/binding/invite/index?householdId=${h.id}` })}>
          {msg.office.ui.binding.entry}
        </Button>
      </View>
      {assigning ? (
        <Assign h={h} residents={residents} onCancel={() => setAssigning(false)} onDone={() => {
          setAssigning(false)
          onAssigned()
        }} />
      ) : null}
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </View>
  )
}

/** Rows in order, each read (who, whose, what, which day) once with how many times it was made. */
const sameDayReads = <T extends { actor: string; subject: string; field: string; at: number }>(rows: T[]): { row: T; times: number }[] => {
  const out = new Map<string, { row: T; times: number }>()
  for (const row of rows) {
    const key = [row.actor, row.subject, row.field, formatDay(row.at)].join('\u0000')
    const seen = out.get(key)
    if (seen) seen.times += 1
    else out.set(key, { row, times: 1 })
  }
  return [...out.values()]
}

/** The township's read log of personal data (phones, addresses, sign-in photos, raters): office and supervision. */
export const RevealLog = ({ generation }: { generation: number }) => {
  const { state, reload } = useCall('office.revealLog', {}, generation >= 0)
  return (
    <Section title={m.logTitle} className='reveal-log'>
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.logEmpty}>
        {(rows) => (
          <View>
            {/* look-b: the same read by the same person on the same day once, with how many times (it was listed six times) */}
            {sameDayReads(rows).map(({ row: r, times }) => (
              <View key={r.id} className='office-row reveal-row'>
                <Text className='office-row__meta'>{`${m.logRow(r.actor, r.subject, r.field)}${times > 1 ? msg.lookB.logTimes(times) : ''}`}</Text>
                <Text className='office-row__meta'>{formatDay(r.at)}</Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

/** `onAssigned`: a household changed cadre (the page loads its coverage check again). */
export const RosterList = ({ onAssigned }: { onAssigned?: () => void }) => {
  const [query, setQuery] = useState('')
  const [generation, setGeneration] = useState(0)
  const { state, reload } = useCall('office.households', { query: query.trim() || undefined, limit: 30 })
  const cadres = useCall('records.cadres', {})
  const residents = cadres.state.status === 'ready' ? cadres.state.data.filter((c) => c.duty === 'resident') : []
  const assigned = () => {
    reload()
    cadres.reload()
    onAssigned?.()
  }
  return (
    <View>
      <Section title={m.listTitle} className='roster-list'>
        <Field label={m.search} value={query} onChange={setQuery} maxlength={20} className='roster-search' />
        <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <View>
              {rows.map((h) => (
                <Row key={h.id} h={h} residents={residents} onAssigned={assigned} onRevealed={() => setGeneration((g) => g + 1)} />
              ))}
            </View>
          )}
        </Loadable>
      </Section>
      <RevealLog key={generation} generation={generation} />
    </View>
  )
}
