/** Small helpers shared by the features' view builders. One rule: masking happens here, once. */
import type { Person } from '../../core/model'
import type { PersonRef } from '../../contracts/views'

/** 13812345678 -> 138****5678: lists never carry a full number. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

export const personRef = (person: Pick<Person, 'id' | 'name' | 'title'>): PersonRef => ({ id: person.id, name: person.name, title: person.title })

/** 内蒙古伊金霍洛旗... -> 内蒙古伊金**** : lists show only the first characters of an address. */
export const maskAddress = (address: string): string => {
  const chars = [...address]
  if (chars.length === 0) return ''
  return `${chars.slice(0, Math.min(4, Math.ceil(chars.length / 3))).join('')}****`
}
