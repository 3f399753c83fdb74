/**
 * 543 and allowance: this week's work days / nights / village days against the requirement (lowered
 * by approved leave), this month's village-day allowance, and for a team leader each team with who
 * is short (责任追究). Test selectors: `.week-543`, `.week-village-days`, `.allowance`, `.team-543`.
 */
import { Text, View } from '@tarojs/components'
import { Line } from '../../components/Form'
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import type { Week543View } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'

const m = msg.verdict.attendance
const KEYS = ['workDays', 'nights', 'villageDays'] as const

const Counts = ({ w }: { w: Week543View }) => (
  <View className='week-counts'>
    {KEYS.map((k) => (
      <View key={k} className={`mq-row week-${k === 'villageDays' ? 'village-days' : k === 'workDays' ? 'work-days' : 'nights'}`}>
        <Text className='mq-line'>{m[k]}</Text>
        <Text className={`mq-line week-count ${w.met[k] ? 'mq-line--good' : 'mq-line--bad'}`}>{m.of(w[k], w.required[k])}</Text>
      </View>
    ))}
    {w.leaveDays ? <Line tone='muted'>{m.leave(w.leaveDays)}</Line> : null}
    <Line tone={w.compliant ? 'good' : 'bad'} className='week-verdict'>
      {w.compliant ? m.compliant : m.short(msg.verdict.fmt.list(w.short.map((k) => m[k])))}
    </Line>
  </View>
)

export const WeekPanel = ({ showTeam }: { showTeam: boolean }) => {
  const week = useCall('attendance.week', {})
  const ledger = useCall('allowance.ledger', {})
  const team = useCall('attendance.team', {}, showTeam)
  return (
    <View className='week-panel'>
      <Section title={`${m.title}`} className='week-543'>
        <Line tone='muted'>{m.rule}</Line>
        <Loadable state={week.state} onRetry={week.reload}>
          {(w) => <Counts w={w} />}
        </Loadable>
      </Section>
      <Section title={m.allowance} className='allowance'>
        <Loadable state={ledger.state} onRetry={ledger.reload}>
          {(l) => <Line className='allowance-line'>{m.allowanceLine(l.villageDays.length, l.yuanPerDay, l.yuan)}</Line>}
        </Loadable>
      </Section>
      {showTeam ? (
        <Section title={m.team} className='team-543'>
          <Loadable state={team.state} onRetry={team.reload}>
            {(t) => (
              <View>
                {t.teams.map((tm) => (
                  <View key={tm.id} className={`team-${tm.id}`}>
                    <Line>{msg.verdict.fmt.paren(tm.name, m.teamShort(tm.shortCount))}</Line>
                    {tm.rows.map((r) => (
                      <Line key={r.cadre.id} tone={r.compliant ? 'good' : 'bad'} className={`team-row team-row-${r.cadre.id}`}>
                        {msg.verdict.fmt.labeled(r.cadre.name, r.compliant ? m.compliant : m.short(msg.verdict.fmt.list(r.short.map((k) => m[k]))))}
                      </Line>
                    ))}
                  </View>
                ))}
              </View>
            )}
          </Loadable>
        </Section>
      ) : null}
    </View>
  )
}
