/**
 * 统计看板: filters (month, village, team), bar charts of signed village days by village and by
 * cadre, the three rates, the month's supervision checks, and results (funds, loans, beneficiaries).
 * Charts are drawn by AntV F2 (./BarChart, office subpackage only) with their values as text under
 * each canvas. Test selectors: `.dashboard`, `.chart-rates|villages|cadres canvas`, `.mq-chart-values`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Choice } from '../../components/Field'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { Rate } from '../../core/tickets'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { BarChart } from './BarChart'
import './office.scss'

const m = msg.office.ui.dashboard
const plain = msg.plain

/** The month holding `now` and the n - 1 before it, newest first (client clock: a filter default only). */
export const recentMonths = (n: number, now: number = Date.now()): string[] => {
  const d = new Date(now)
  return Array.from({ length: n }, (_, i) => {
    const x = new Date(d.getFullYear(), d.getMonth() - i, 1)
    return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}`
  })
}

const percent = (r: Rate) => (r.rate === null ? m.noRate : `${Math.round(r.rate * 100)}%`)

const Results = ({ period, villageId }: { period: string; villageId: string | null }) => {
  const { state, reload } = useCall('office.results', { period, villageId })
  return (
    <Section title={m.resultsTitle} className='results-panel'>
      <Loadable state={state} onRetry={reload}>
        {(r) => (
          <View className='office-totals'>
            {[
              { key: 'funds', label: m.funds, value: r.township.fundsYuan },
              { key: 'loans', label: m.loans, value: r.township.loanYuan },
              { key: 'beneficiaries', label: m.beneficiaries, value: r.township.beneficiaries },
            ].map((t) => (
              <View key={t.key} className={`office-total result-${t.key}`}>
                <Text className='office-total__value'>{t.value.toLocaleString('zh-CN')}</Text>
                <Text className='office-total__label'>{t.label}</Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const Dashboard = () => {
  // The current month so far first (the office follows it as it goes), then the five before it;
  // the last ended month is shown first because it is the one being checked and closed.
  const months = recentMonths(6)
  const [period, setPeriod] = useState(months[1] ?? months[0])
  const [villageId, setVillageId] = useState<string>('')
  const [teamId, setTeamId] = useState<string>('')
  const { state, reload } = useCall('office.dashboard', { period, villageId: villageId || null, teamId: teamId || null })
  return (
    <View className='dashboard'>
      <Section title={m.title}>
        <Choice label={m.period} options={months.map((x, i) => ({ value: x, label: i === 0 ? `${plain.month(x)}${plain.thisMonthSoFar}` : plain.month(x) }))} value={period} onChange={setPeriod} className='filter-period' />
        <Loadable state={state} onRetry={reload}>
          {(d) => (
            <View className='dashboard-body'>
              <Choice label={m.village} options={[{ value: '', label: m.all }, ...d.filters.villages.map((v) => ({ value: v.id, label: v.name }))]} value={villageId} onChange={setVillageId} className='filter-village' />
              <Choice label={m.team} options={[{ value: '', label: m.all }, ...d.filters.teams.map((t) => ({ value: t.id, label: t.name }))]} value={teamId} onChange={setTeamId} className='filter-team' />
              <Text className='office-note'>{m.status(d.status === 'closed')}</Text>
              <Text className='office-row__meta dashboard-checks'>{m.checks(d.supervision.done, d.supervision.required, d.supervision.met)}</Text>
              <Text className='office-row__title'>{m.rates}</Text>
              <BarChart
                className='chart-rates'
                describe={m.chartLabel}
                max={100}
                bars={(['response', 'resolution', 'satisfaction'] as const).map((k) => ({ label: m.rateNames[k], value: Math.round((d.rates[k].rate ?? 0) * 100), display: percent(d.rates[k]) }))}
              />
              <Text className='office-row__title'>{m.villageDays}</Text>
              <BarChart className='chart-villages' describe={m.chartLabel} bars={d.villageDaysByVillage.map((b) => ({ ...b, display: `${b.value}${m.unit.day}` }))} />
              <Text className='office-row__title'>{m.cadreDays}</Text>
              <BarChart
                className='chart-cadres'
                describe={m.chartLabel}
                bars={d.cadres.slice(0, 40).map((c) => ({ label: c.name, value: c.villageDays, display: `${c.villageDays}${m.unit.day}` }))}
              />
            </View>
          )}
        </Loadable>
      </Section>
      <Results period={period} villageId={villageId || null} />
    </View>
  )
}
