/** 走访签字确认 (main package: opened from the cadre's code or a share card). */
import { pageParams } from '../../components/routes'
import { SessionGate } from '../../features/session/SessionGate'
import { SignOff } from '../../features/visits/SignOff'
import { visitIdFromScene } from '../../features/visits/visitStatus'
import { Page } from '../../components/Page'

const SignPage = () => {
  const params = pageParams()
  const visitId = params.visit ?? (params.scene ? visitIdFromScene(params.scene) : '')
  return (
    <Page className='sign-page-root'>
      <SessionGate>{() => <SignOff visitId={visitId} />}</SessionGate>
    </Page>
  )
}

export default SignPage
