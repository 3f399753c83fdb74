/**
 * The household in front of the cadre, chosen by searching its number or the head's name: a few
 * matches at a time (never a wall of 66 chips), and once chosen one line with 换一户. Shared by the
 * visit form and 代群众提交 (look-a, issue 12).
 * Test selectors: `.household-picker`, `.household-picker--chosen`, `.household-picker__chosen`,
 * `.household-picker__change`, `.choice-<householdId>`; with `prefix` also the older
 * `.<prefix>-households`, `.<prefix>-household--chosen`, `.<prefix>-household-chosen`, `.<prefix>-household-change`.
 */
import type { ReactNode } from 'react'
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Line } from '../../components/Form'
import type { HouseholdRow } from '../../contracts'
import { msg } from '../../i18n'
import { byLongestUnvisited, HouseholdSearch, matchesHousehold } from './HouseholdList'
import './HouseholdPicker.scss'

const f = msg.field.households

/** How many matches the picker shows: the household at the door is one search away. */
export const PICKER_ROWS = 6

export const HouseholdPicker = ({ households, chosen, onChoose, title, chosenLabel, describe, order = byLongestUnvisited, prefix, children }: {
  households: HouseholdRow[]
  chosen: string | null
  onChoose: (id: string | null) => void
  /** What the search is for ("走访的农户"). */
  title: string
  /** The chosen household's line ("走访：001号 田刚"). */
  chosenLabel: (household: string) => string
  /** A match's words after its number and head (e.g. "never visited"). */
  describe?: (h: HouseholdRow) => string
  order?: (a: HouseholdRow, b: HouseholdRow) => number
  prefix?: string
  /** More actions beside the chosen household. */
  children?: (h: HouseholdRow) => ReactNode
}) => {
  const [query, setQuery] = useState('')
  const cls = (generic: string, old: string) => [generic, prefix ? `${prefix}-${old}` : ''].filter(Boolean).join(' ')
  const current = households.find((h) => h.id === chosen)
  if (current)
    return (
      <View className={`household-picker household-picker--chosen mq-row ${cls('', 'households')} ${cls('', 'household--chosen')}`.replace(/\s+/g, ' ').trim()}>
        <Line className={cls('household-picker__chosen', 'household-chosen')}>{chosenLabel(msg.verdict.fmt.household(current.number, current.headName))}</Line>
        <Button kind='plain' className={cls('household-picker__change', 'household-change')} onClick={() => onChoose(null)}>
          {f.change}
        </Button>
        {children?.(current)}
      </View>
    )
  const found = [...households].sort(order).filter((h) => matchesHousehold(query, h))
  return (
    <View className={`household-picker ${cls('', 'households')}`.trim()}>
      <Line>{title}</Line>
      <HouseholdSearch value={query} onChange={setQuery} />
      {found.length === 0 ? <Line tone='muted'>{f.none}</Line> : null}
      <Choice
        value={null}
        onChange={onChoose}
        options={found.slice(0, PICKER_ROWS).map((h) => ({ value: h.id, label: `${msg.verdict.fmt.household(h.number, h.headName)}${describe ? describe(h) : ''}` }))}
      />
      {found.length > PICKER_ROWS ? <Line tone='muted'>{f.more(found.length - PICKER_ROWS)}</Line> : null}
    </View>
  )
}
