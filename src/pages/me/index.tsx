/** 我的 tab. */
import { HouseholdBindings } from '../../features/binding/HouseholdBindings'
import { CadrePhoto } from '../../features/session/CadrePhoto'
import { ElderSwitch } from '../../features/session/ElderSwitch'
import { LocaleSwitch } from '../../features/session/LocaleSwitch'
import { MeDetails } from '../../features/session/MeDetails'
import { SessionGate } from '../../features/session/SessionGate'
import { session } from '../../services/api'
import { Page } from '../../components/Page'

const MePage = () => (
  <Page className='me-page'>
    <ElderSwitch />
    <LocaleSwitch />
    <SessionGate>
      {(me) => (
        <>
          {me.roles.includes('cadre') ? <CadrePhoto name={me.name} photoUrl={me.photoUrl} /> : null}
          <MeDetails me={me} canSignOut={session.hasDevLogin} />
          <HouseholdBindings me={me} />
        </>
      )}
    </SessionGate>
  </Page>
)

export default MePage
