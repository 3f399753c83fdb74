/**
 * 我的包户干部: photo (or initial), name, title, a big 打电话 button, the work team, and the last
 * visit that the household signed for, and the next planned one. Test selectors: `.cadre-card`,
 * `.cadre-name`, `.call-button`, `.last-visit`, `.next-visit`.
 */
import { Text, View } from '@tarojs/components'
import { Avatar } from '../../components/Avatar'
import { Bilingual } from '../../components/Bilingual'
import { Button } from '../../components/Button'
import { formatDay } from '../../components/format'
import type { CadreCardView } from '../../contracts'
import { msg } from '../../i18n'
import { callPhone } from './useMyCadre'
import { planDay } from './planDay'
import './CadreCard.scss'

const m = msg.cadreCard
const more = msg.cadreCardMore

export const CadreCard = ({ card, meId }: { card: CadreCardView; meId?: string }) => {
  const { cadre, team, lastConfirmedVisitAt, villageDays, nextPlannedVisit } = card
  return (
    <View className='cadre-card'>
      <Bilingual className='cadre-card__caption' text={m.title} />
      <View className='cadre-card__who'>
        <Avatar name={cadre.name} photoUrl={cadre.photoUrl} />
        <View className='cadre-card__names'>
          <Text className='cadre-name'>{cadre.name}</Text>
          <Text className='cadre-title'>{cadre.title}</Text>
        </View>
      </View>
      {cadre.phone ? (
        <Button big className='call-button' onClick={() => callPhone(cadre.phone)}>
          {`${m.call} ${cadre.phone}`}
        </Button>
      ) : (
        <Text className='cadre-card__note'>{m.noPhone}</Text>
      )}
      <View className='cadre-card__visit last-visit'>
        <Text className='cadre-card__label'>{m.lastVisit}</Text>
        <Text className='cadre-card__value'>{lastConfirmedVisitAt ? formatDay(lastConfirmedVisitAt) : m.neverVisited}</Text>
      </View>
      {nextPlannedVisit ? (
        <View className='cadre-card__visit next-visit'>
          <Text className='cadre-card__label'>{msg.firstScreen.nextVisit}</Text>
          <Text className='cadre-card__value next-visit__day'>{planDay(nextPlannedVisit)}</Text>
        </View>
      ) : null}
      <View className='cadre-card__visit village-days'>
        <Text className='cadre-card__label'>{more.villageDays}</Text>
        <Text className='cadre-card__value'>{more.villageDaysLine(villageDays.month, villageDays.week, villageDays.weekRequired)}</Text>
      </View>
      {team ? (
        <View className='cadre-team'>
          <Text className='cadre-card__label'>{`${m.team}：${team.name}`}</Text>
          <View className='cadre-team__row'>
            <Text className='cadre-team__role'>{m.leader}</Text>
            <Text className='cadre-team__name'>{`${team.leader.name}（${team.leader.title}）`}</Text>
          </View>
          <View className='cadre-team__row'>
            <Text className='cadre-team__role'>{m.secretary}</Text>
            <Text className='cadre-team__name'>{team.secretary.name}</Text>
          </View>
          {team.members.length ? (
            <View className='cadre-team__row'>
              <Text className='cadre-team__role'>{m.members}</Text>
              <Text className='cadre-team__name'>{team.members.map((p) => p.name).join('、')}</Text>
            </View>
          ) : null}
          {/* look-a: the village secretary reading his own household's card is not offered a call to himself */}
          {team.secretary.phone && team.secretary.id !== meId ? (
            <Button kind='secondary' className='cadre-team__phone' onClick={() => callPhone(team.secretary.phone)}>
              {more.callSecretary(team.secretary.phone)}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
