/**
 * 干部考勤公示: one card per cadre with sign-ins (counts and times), leave, absences, 543 per week,
 * signed village days, and the 三点评 comments (self, peers, villagers: anonymous).
 * Test selectors: `.posting`, `.posting-row`, `.posting-<cadreId>`.
 */
import { Text, View } from '@tarojs/components'
import { Section } from '../../components/Section'
import { distinctComments, formatWeek } from '../../components/format'
import type { PostingView } from '../../contracts'
import { msg } from '../../i18n'
import './posting.scss'

const m = msg.office.ui.posting
const plain = msg.plain

export const PostingTable = ({ posting }: { posting: PostingView }) => (
  <View className='posting'>
    <Text className='posting__title'>{`${posting.townshipName} ${m.title(plain.month(posting.period))}`}</Text>
    {posting.rows.map((r) => (
      <Section key={r.cadreId} className={`posting-row posting-${r.cadreId}`} title={`${r.name}（${r.villageName || r.title}）`}>
        <Text className='posting-line'>
          {[m.signIns(r.signIns.valid, r.signIns.invalid), m.leave(r.leaveDays.length), m.absences(r.absences.length), m.villageDays(r.villageDays.length)].join(' · ')}
        </Text>
        <Text className='posting-line'>{plain.weeksLine(r.weeks.filter((w) => w.compliant).length, r.weeks.length)}</Text>
        <Text className='posting-line posting-weeks'>{r.weeks.map((w) => (w.compliant ? plain.weekOk : plain.weekShort)(formatWeek(w.weekKey))).join('；')}</Text>
        {r.signIns.times.length ? <Text className='posting-line posting-times'>{`${m.times}：${r.signIns.times.map((t) => `${t.date.slice(5)} ${t.time}`).join('，')}`}</Text> : null}
        <Text className='posting-line posting-self'>{`${m.self}：${r.reviews.self ?? m.noComment}`}</Text>
        <Text className='posting-line'>{`${m.peers}：${distinctComments(r.reviews.peers).join('；') || m.noComment}`}</Text>
        <Text className='posting-line posting-mass'>{`${m.mass}：${distinctComments(r.reviews.mass).join('；') || m.noComment}`}</Text>
      </Section>
    ))}
  </View>
)
