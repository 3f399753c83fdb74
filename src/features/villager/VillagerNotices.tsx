/**
 * 村务公开 on the villager's home: the latest notices of their village and of the township.
 * Test selectors: `.villager-notices`, `.villager-notice`.
 */
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../components/format'
import { Empty } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import type { NoticeView } from '../../contracts'
import './VillagerNotices.scss'

const m = msg.office.ui.notices

/** `notices`: from villager.home. */
export const VillagerNotices = ({ notices }: { notices: NoticeView[] }) => {
  return (
    <Section title={m.villagerTitle} className='villager-notices'>
      {notices.length === 0 ? (
        <Empty text={m.empty} />
      ) : (
          <View>
            {notices.map((n) => (
              <View key={n.id} className='villager-notice'>
                <Text className='villager-notice__title'>{n.title}</Text>
                <Text className='villager-notice__meta'>{`${m.scope(n.villageName)} · ${formatDate(n.at)}`}</Text>
                <Text className='villager-notice__body'>{n.body}</Text>
              </View>
            ))}
          </View>
      )}
    </Section>
  )
}
