/**
 * The households a cadre covers: number, head, group, masked phone, last signed visit; the ones
 * never visited or visited longest ago first, since those need the cadre most. A search box finds a
 * household by its number or the head's name; tapping a household starts a visit to it (at the door).
 * Test selectors: `.household-list`, `.household-row`, `.household-search`, `.household-start-<id>`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { formatDate } from '../../components/format'
import type { HouseholdRow } from '../../contracts'
import { msg } from '../../i18n'
import './HouseholdList.scss'

const m = msg.home.households
const f = msg.field.households

/** Never visited first, then the longest ago. */
export const byLongestUnvisited = (a: HouseholdRow, b: HouseholdRow) => (a.lastConfirmedVisitAt ?? 0) - (b.lastConfirmedVisitAt ?? 0)

/** A household matches when its number or its head's name contains what was typed (spaces ignored). */
export const matchesHousehold = (query: string, h: HouseholdRow): boolean => {
  const q = query.replace(/\s+/g, '').replace(/号$/, '')
  return q === '' || h.number.includes(q) || h.headName.includes(q)
}

export const VISIT_PAGE = '/subpackages/cadre/pages/visit/index'

export const HouseholdSearch = ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
  <View className='household-search'>
    <Input className='household-search__input' type='text' value={value} placeholder={f.search} confirmType='search' onInput={(e) => onChange(e.detail.value)} />
  </View>
)

/** How many rows to draw at once; the rest is found by searching. */
const SHOWN = 30

export const HouseholdList = ({ households }: { households: HouseholdRow[] }) => {
  const [query, setQuery] = useState('')
  const found = [...households].sort(byLongestUnvisited).filter((h) => matchesHousehold(query, h))
  return (
    <View className='household-list'>
      <HouseholdSearch value={query} onChange={setQuery} />
      <Text className='mq-hint'>{f.neverFirst}</Text>
      {found.length === 0 ? <Text className='mq-hint household-none'>{f.none}</Text> : null}
      {found.slice(0, SHOWN).map((h) => (
        <View
          key={h.id}
          className={`household-row household-${h.id} household-start-${h.id}`}
          ariaRole='button'
          onClick={() => void Taro.navigateTo({ url: `${VISIT_PAGE}?household=${h.id}` })}
        >
          <View className='household-row__head'>
            <Text className='household-row__number'>{m.number(h.number)}</Text>
            <Text className='household-row__name'>{h.headName}</Text>
            <Text className='household-row__meta'>{m.members(h.memberCount)}</Text>
          </View>
          <Text className='household-row__meta'>{`${m.group(h.villageName, h.groupName)} · ${m.phone(h.phoneMasked)}`}</Text>
          <Text className={`household-row__visit ${h.lastConfirmedVisitAt ? '' : 'household-row__visit--never'}`}>
            {h.lastConfirmedVisitAt ? m.lastVisit(formatDate(h.lastConfirmedVisitAt)) : m.neverVisited}
          </Text>
          <Text className='household-row__start'>{`${f.start} ›`}</Text>
        </View>
      ))}
      {found.length > SHOWN ? <Text className='mq-hint'>{f.more(found.length - SHOWN)}</Text> : null}
    </View>
  )
}
