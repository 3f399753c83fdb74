/** The village secretary's desk: escalated tickets and joint meetings. */
import { SessionGate } from '../../../../features/session/SessionGate'
import { SecretaryDesk } from '../../../../features/tickets/joint-meetings/SecretaryDesk'
import { Page as PageRoot } from '../../../../components/Page'

const Page = () => (
  <PageRoot>
    <SessionGate>{(me) => <SecretaryDesk me={me} />}</SessionGate>
  </PageRoot>
)

export default Page
