/**
 * 花名册与隐私 (office subpackage): notices, the roster list with masked data, logged reveals and
 * household assignment (包户), and the coverage check that loads again after each assignment.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { CoverageSection } from '../../../features/coverage/CoverageSection'
import { NoticeForm } from '../../../features/office/NoticeForm'
import { RosterList } from '../../../features/office/RosterList'
import { SessionGate } from '../../../features/session/SessionGate'

const RosterPage = () => {
  const [generation, setGeneration] = useState(0)
  return (
    <View className='page office-page'>
      <SessionGate>
        {() => (
          <View>
            <NoticeForm />
            <View className='roster-coverage'>
              <CoverageSection key={generation} />
            </View>
            <RosterList onAssigned={() => setGeneration((g) => g + 1)} />
          </View>
        )}
      </SessionGate>
    </View>
  )
}

export default RosterPage
