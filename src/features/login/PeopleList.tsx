/**
 * The seeded people, grouped by role; tapping one signs in as them.
 * Test selectors: `.login-person.person-<id>` on each person, `.login-group` on each group.
 */
import { Text, View } from '@tarojs/components'
import type { LoginGroup } from '../../contracts'
import './PeopleList.scss'

export interface PeopleListProps {
  groups: LoginGroup[]
  pendingId: string | null
  onPick: (personId: string) => void
}

export const PeopleList = ({ groups, pendingId, onPick }: PeopleListProps) => (
  <View className='people-list'>
    {groups.map((group) => (
      <View key={group.role} className={`login-group login-group-${group.role}`}>
        <Text className='login-group__label'>{group.label}</Text>
        {group.people.map((person) => (
          <View
            key={person.id}
            className={`login-person person-${person.id} ${pendingId === person.id ? 'login-person--pending' : ''}`}
            hoverClass='login-person--hover'
            onClick={() => onPick(person.id)}
          >
            <Text className='login-person__name'>{person.name}</Text>
            <Text className='login-person__meta'>{[person.title, person.place].filter(Boolean).join(' · ')}</Text>
          </View>
        ))}
      </View>
    ))}
  </View>
)
