/**
 * Where the phone puts files in WeChat cloud storage: under the person's own folder
 * (`u/<person id>/photos|voice|sheets/...`), so that storage is laid out per person.
 * One rule: only the weapp upload modules use it; ownership itself is the backend's uploads record.
 */
import { call } from './api'

let folder: Promise<string> | null = null

export const ownCloudFolder = (): Promise<string> => {
  folder ??= call('me.get', {})
    .then((me) => `u/${me.id}`)
    .catch((error: unknown) => {
      folder = null
      throw error
    })
  return folder
}
