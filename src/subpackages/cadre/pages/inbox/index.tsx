/** 工单: the cadre's inbox, overdue first. */
import { SessionGate } from '../../../../features/session/SessionGate'
import { CadreInbox } from '../../../../features/tickets/inbox/CadreInbox'
import { Page as PageRoot } from '../../../../components/Page'

const Page = () => (
  <PageRoot>
    <SessionGate>{(me) => <CadreInbox me={me} />}</SessionGate>
  </PageRoot>
)

export default Page
