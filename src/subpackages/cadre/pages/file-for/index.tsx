/** 代群众提交: a cadre files for a villager without a phone. */
import { SessionGate } from '../../../../features/session/SessionGate'
import { FileOnBehalf } from '../../../../features/tickets/inbox/FileOnBehalf'
import { Page as PageRoot } from '../../../../components/Page'

const Page = () => (
  <PageRoot>
    <SessionGate>{() => <FileOnBehalf />}</SessionGate>
  </PageRoot>
)

export default Page
