/**
 * 首页, by who the person is: a villager sees their cadre first (a secretary also the village's
 * tickets), a resident cadre sees today, the office, leaders and supervisors see coverage.
 */
import { Text, View } from '@tarojs/components'
import { CadreToday } from '../../features/cadre/CadreToday'
import { CadreLinks } from '../../features/cadre/CadreLinks'
import { CoverageSection } from '../../features/coverage/CoverageSection'
import { SessionGate } from '../../features/session/SessionGate'
import { homeSectionsFor } from '../../features/session/useSession'
import { VillageTickets } from '../../features/tickets/VillageTickets'
import { VillagerHome } from '../../features/villager/VillagerHome'
import { Empty } from '../../components/State'
import { zhCN } from '../../i18n/zh-CN'
import './index.scss'

const IndexPage = () => (
  <View className='page home-page'>
    <SessionGate>
      {(me) => {
        const show = homeSectionsFor(me)
        const any = show.villager || show.residentCadre || show.coverage || show.villageTickets
        return (
          <View className={`home home--${me.id}`}>
            <Text className='home__greeting'>{zhCN.home.greeting(me.name)}</Text>
            {show.villager ? <VillagerHome /> : null}
            {show.villageTickets ? <VillageTickets /> : null}
            <CadreLinks me={me} />
            {show.residentCadre ? <CadreToday /> : null}
            {show.coverage ? <CoverageSection /> : null}
            {any ? null : <Empty text={zhCN.home.otherRole} />}
          </View>
        )
      }}
    </SessionGate>
  </View>
)

export default IndexPage
