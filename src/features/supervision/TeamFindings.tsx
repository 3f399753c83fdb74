/**
 * For a team leader (包片领导) on their home: the findings the supervision group recorded about the
 * team's members (责任追究: whoever leads answers for the members). Test selectors: `.team-findings`.
 */
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../components/format'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { zhCN } from '../../i18n/zh-CN'
import { useCall } from '../../services/useCall'
import './supervision.scss'

const m = zhCN.office.ui.supervision

export const TeamFindings = () => {
  const { state, reload } = useCall('team.findings', {})
  return (
    <Section title={m.teamFindingsTitle} className='team-findings'>
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.findingsEmpty}>
        {(rows) => (
          <View>
            {rows.slice(0, 20).map((f) => (
              <View key={f.id} className='sup-row finding-row'>
                <Text className='sup-row__title'>{`${f.cadreName} · ${formatDate(f.at)}`}</Text>
                <Text className='sup-row__meta'>{f.text}</Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
