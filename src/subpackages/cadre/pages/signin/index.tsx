/** 签到 (cadre subpackage). */
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { SignInPanel } from '../../../../features/attendance/SignInPanel'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const SignInPage = () => (
  <Page className='signin-page'>
    <SessionGate>{() => <SignInPanel />}</SessionGate>
    <PrivacyPopup />
  </Page>
)

export default SignInPage
