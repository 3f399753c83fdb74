/**
 * 首页, by who the person is: a villager sees their cadre first, then what waits for them and the
 * notices (a secretary also the village's tickets), a resident cadre sees today, the office, leaders and supervisors see coverage.
 */
import { Text, View } from '@tarojs/components'
import { CadreToday } from '../../features/cadre/CadreToday'
import { CadreLinks } from '../../features/cadre/CadreLinks'
import { CoverageSection } from '../../features/coverage/CoverageSection'
import { OfficeEntry, officeEntriesFor } from '../../features/office/OfficeEntry'
import { PostingMonths } from '../../features/posting/PostingMonths'
import { SelfReviewForm } from '../../features/posting/SelfReviewForm'
import { TeamFindings } from '../../features/supervision/TeamFindings'
import { SessionGate } from '../../features/session/SessionGate'
import { homeSectionsFor } from '../../features/session/useSession'
import { VillageTickets } from '../../features/tickets/my-tickets/VillageTickets'
import { VillagerHome } from '../../features/villager/VillagerHome'
import { TicketLinks } from '../../features/tickets/shared/TicketLinks'
import { DeskEntry } from '../../features/tickets/joint-meetings/DeskEntry'
import { Empty } from '../../components/State'
import { msg } from '../../i18n'
import './index.scss'
import { OfflineBanner } from '../../components/OfflineBanner'
import { MyRecordLink } from '../../features/records/RecordLink'
import { Page } from '../../components/Page'

const IndexPage = () => (
  <Page className='home-page'>
    <OfflineBanner />
    <SessionGate>
      {(me) => {
        const show = homeSectionsFor(me)
        const office = officeEntriesFor(me).length > 0
        const any = show.villager || show.residentCadre || show.coverage || show.villageTickets || office
        return (
          <View className={`home home--${me.id}`}>
            <Text className='home__greeting'>{msg.home.greeting(me.name)}</Text>
            {/* my cadre, what waits for me, the notices and the posting months: one request (villager.home) */}
            {/* look-a: the secretary's desk (what waits for him) comes before his own villager home */}
            {show.villageTickets ? <DeskEntry /> : null}
            {show.villager ? <VillagerHome meId={me.id} /> : null}
            {show.villageTickets ? <VillageTickets me={me} /> : null}
            {show.residentCadre ? <TicketLinks show={['inbox', 'fileFor']} /> : null}
            <CadreLinks me={me} />
            {show.residentCadre ? <CadreToday /> : null}
            {show.coverage ? <TicketLinks show={['session']} /> : null}
            {office ? <OfficeEntry me={me} /> : null}
            {show.coverage ? <CoverageSection /> : null}
            {show.residentCadre ? <SelfReviewForm /> : null}
            {show.residentCadre ? <MyRecordLink cadreId={me.id} /> : null}
            {me.leadsTeams.length > 0 ? <TeamFindings /> : null}
            {show.villager ? null : <PostingMonths />}
            {any ? null : <Empty text={msg.home.otherRole} />}
          </View>
        )
      }}
    </SessionGate>
  </Page>
)

export default IndexPage
