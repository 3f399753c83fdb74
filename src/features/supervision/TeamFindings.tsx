/**
 * For a team leader (包片领导) on their home: the findings the supervision group recorded about the
 * team's members (责任追究: whoever leads answers for the members), each with a door to the
 * member's record (档案) where the leader may add a responsibility note.
 * Test selectors: `.team-findings`, `.finding-row`, `.open-record`, `.team-records`.
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { CADRES_PAGE } from '../../components/routes'
import { Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { FindingRow } from './FindingRow'
import './supervision.scss'

const m = msg.office.ui.supervision
const r = msg.records

export const TeamFindings = () => {
  const { state, reload } = useCall('team.findings', {})
  return (
    <Section title={m.teamFindingsTitle} className='team-findings'>
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.findingsEmpty}>
        {(rows) => (
          <View>
            {rows.slice(0, 20).map((f) => (
              <FindingRow key={f.id} f={f} />
            ))}
          </View>
        )}
      </Loadable>
      <Button kind='secondary' className='team-records' onClick={() => void Taro.navigateTo({ url: CADRES_PAGE })}>
        {r.teamMembersTitle}
      </Button>
    </Section>
  )
}
