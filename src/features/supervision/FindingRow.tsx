/** One supervision finding: whom it is about, where it came from, when, and a door to their record (档案). */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/format'
import { recordUrl } from '../../components/routes'
import type { FindingView } from '../../contracts'
import { msg } from '../../i18n'
import { findingText } from './finding-text'
import './supervision.scss'

const r = msg.records


export const FindingRow = ({ f, showSource = false }: { f: FindingView; showSource?: boolean }) => (
  <View className='sup-row finding-row'>
    <Text className='sup-row__title'>{[f.cadreName, ...(showSource ? [r.source[f.source]] : []), formatDate(f.at)].join(' · ')}</Text>
    <Text className='sup-row__meta'>{findingText(f)}</Text>
    <Button kind='plain' className='open-record' onClick={() => void Taro.navigateTo({ url: recordUrl(f.cadreId) })}>
      {r.open}
    </Button>
  </View>
)
