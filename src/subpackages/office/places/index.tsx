/** 村、小组和签到地点: the office keeps the township's villages, villager groups and sign-in places. */
import { View } from '@tarojs/components'
import { PlacesEditor } from '../../../features/identity/PlacesEditor'
import { SessionGate } from '../../../features/session/SessionGate'

const PlacesPage = () => (
  <View className='page office-page places-page'>
    <SessionGate>{() => <PlacesEditor />}</SessionGate>
  </View>
)

export default PlacesPage
