/**
 * The cadres whose record (档案) the viewer may open: the whole township for the office, leaders
 * and the supervision group; phones masked, revealed only through the logged reveal action.
 * Test selectors: `.cadre-list`, `.cadre-row-<id>`, `.open-record`, `.reveal-phone`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { CadreListRow } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { recordUrl } from '../../components/routes'
import './records.scss'

const m = msg.records
const roster = msg.office.ui.roster

const Row = ({ c }: { c: CadreListRow }) => {
  const reveal = useSubmit('office.reveal')
  const [phone, setPhone] = useState<string | null>(null)
  const show = async () => {
    const out = await reveal.submit({ subjectId: c.id, field: 'phone' })
    if (out) setPhone(out.value)
  }
  return (
    <View className={`record-row cadre-row cadre-row-${c.id}`}>
      <Text className='record-row__title'>{`${c.name} · ${c.title || (c.duty ? m.duty[c.duty] : '')}`}</Text>
      <Text className='record-row__meta'>{m.listRow(c.villageName, c.households, c.findings)}</Text>
      <Text className='record-row__meta cadre-phone'>{phone ? roster.revealed(phone) : c.phoneMasked}</Text>
      <View className='record-buttons'>
        {/* look-b: outlined, not a red bar per cadre (the list read like a page of alarms) */}
        <Button kind='secondary' className='open-record' onClick={() => void Taro.navigateTo({ url: recordUrl(c.id) })}>
          {m.open}
        </Button>
        {phone ? null : (
          <Button kind='plain' className='reveal-phone' loading={reveal.pending} onClick={() => void show()}>
            {roster.reveal}
          </Button>
        )}
      </View>
      {reveal.error ? <ErrorState message={reveal.error.message} code={reveal.error.code} /> : null}
    </View>
  )
}

export const CadreList = () => {
  const { state, reload } = useCall('records.cadres', {})
  return (
    <Section title={m.listTitle} className='cadre-list'>
      <Text className='record-row__meta'>{m.listHint}</Text>
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.listEmpty}>
        {(rows) => (
          <View>
            {rows.map((c) => (
              <Row key={c.id} c={c} />
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
