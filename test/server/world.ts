/**
 * A small, hand-made township for integration tests: two villages, each with a resident cadre, a
 * secretary and households; an office cadre, a leader who leads village A's team, a supervisor, and
 * a second township to prove nothing crosses the township line. Names say what each one is for.
 */
import type { Household, Person, Township, Village, VillagerGroup, WorkTeam } from '../../src/core/model'
import type { Store } from '../../src/server/storage/port'

const person = (id: string, townshipId: string, over: Partial<Person>): Person => ({
  id,
  townshipId,
  name: id,
  phone: '13800000000',
  roles: ['villager'],
  householdId: null,
  villageId: null,
  duty: null,
  title: '',
  photoUrl: null,
  hasPhone: true,
  ...over,
})

const household = (id: string, villageId: string, groupId: string, cadreId: string | null, townshipId = 'ts-1'): Household => ({
  id,
  townshipId,
  villageId,
  groupId,
  number: id.replace(/\D/g, '').padStart(3, '0'),
  headName: `${id}户主`,
  address: `${villageId} ${id}`,
  cadreId,
})

export const world = () => {
  const townships: Township[] = [
    { id: 'ts-1', name: '红庆河镇' },
    { id: 'ts-2', name: '邻镇' },
  ]
  const villages: Village[] = [
    { id: 'vil-a', townshipId: 'ts-1', name: '乌兰木伦嘎查' },
    { id: 'vil-b', townshipId: 'ts-1', name: '巴音敖包嘎查' },
    { id: 'vil-x', townshipId: 'ts-2', name: '外镇嘎查' },
  ]
  const groups: VillagerGroup[] = [
    { id: 'grp-a1', villageId: 'vil-a', name: '一社' },
    { id: 'grp-b1', villageId: 'vil-b', name: '一社' },
    { id: 'grp-x1', villageId: 'vil-x', name: '一社' },
  ]
  const households: Household[] = [
    household('hh-a1', 'vil-a', 'grp-a1', 'cadre-a'),
    household('hh-a2', 'vil-a', 'grp-a1', 'cadre-a'),
    household('hh-b1', 'vil-b', 'grp-b1', 'cadre-b'),
    household('hh-x1', 'vil-x', 'grp-x1', 'cadre-x', 'ts-2'),
  ]
  const people: Person[] = [
    person('villager-a1', 'ts-1', { name: '巴特尔', householdId: 'hh-a1', villageId: 'vil-a', phone: '13912345678' }),
    person('villager-a1b', 'ts-1', { name: '其其格', householdId: 'hh-a1', villageId: 'vil-a' }),
    person('villager-a2', 'ts-1', { name: '王秀兰', householdId: 'hh-a2', villageId: 'vil-a' }),
    person('villager-b1', 'ts-1', { name: '李建国', householdId: 'hh-b1', villageId: 'vil-b' }),
    person('villager-x1', 'ts-2', { name: '外镇村民', householdId: 'hh-x1', villageId: 'vil-x' }),
    person('cadre-a', 'ts-1', { name: '张伟', roles: ['cadre'], duty: 'resident', title: '包户干部', phone: '13700001111' }),
    person('cadre-b', 'ts-1', { name: '刘芳', roles: ['cadre'], duty: 'resident', title: '包户干部' }),
    person('cadre-x', 'ts-2', { name: '外镇干部', roles: ['cadre'], duty: 'resident' }),
    person('secretary-a', 'ts-1', { name: '乌力吉', roles: ['villager', 'secretary'], householdId: 'hh-a2', villageId: 'vil-a', title: '村党支部书记', phone: '13600002222' }),
    person('secretary-b', 'ts-1', { name: '孟和', roles: ['villager', 'secretary'], householdId: 'hh-b1', villageId: 'vil-b', title: '村党支部书记' }),
    person('office-1', 'ts-1', { name: '赵敏', roles: ['cadre'], duty: 'office', title: '党政办主任' }),
    person('office-x', 'ts-2', { name: '外镇办公室', roles: ['cadre'], duty: 'office' }),
    person('leader-a', 'ts-1', { name: '赵海', roles: ['cadre', 'leader'], duty: 'office', title: '副镇长' }),
    person('supervisor-1', 'ts-1', { name: '高洁', roles: ['cadre', 'supervisor'], duty: 'office', title: '纪委书记' }),
  ]
  const teams: WorkTeam[] = [
    { id: 'team-a', townshipId: 'ts-1', villageId: 'vil-a', name: '乌兰木伦嘎查驻村工作组', leaderId: 'leader-a', secretaryId: 'secretary-a', memberIds: ['cadre-a'] },
    { id: 'team-b', townshipId: 'ts-1', villageId: 'vil-b', name: '巴音敖包嘎查驻村工作组', leaderId: 'leader-a', secretaryId: 'secretary-b', memberIds: ['cadre-b'] },
  ]
  return { townships, villages, groups, households, people, teams }
}

export const loadWorld = async (store: Store) => {
  const w = world()
  await store.transaction(async (tx) => {
    await tx.insertMany('townships', w.townships)
    await tx.insertMany('villages', w.villages)
    await tx.insertMany('groups', w.groups)
    await tx.insertMany('households', w.households)
    await tx.insertMany('people', w.people)
    await tx.insertMany('teams', w.teams)
  })
  return w
}
