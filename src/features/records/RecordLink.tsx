/**
 * The door to a cadre's own record (我的档案) on a resident cadre's home.
 * Test selectors: `.my-record`.
 */
import Taro from '@tarojs/taro'
import { Button } from '../../components/Button'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { recordUrl } from '../../components/routes'

export const MyRecordLink = ({ cadreId }: { cadreId: string }) => (
  <Section className='my-record-link'>
    <Button kind='secondary' className='my-record' onClick={() => void Taro.navigateTo({ url: recordUrl(cadreId) })}>
      {msg.records.mine}
    </Button>
  </Section>
)
