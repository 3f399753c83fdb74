/**
 * Attachments in WeChat cloud storage are not readable by clients (the storage rules are
 * server-only for reading): the screen shows them through temporary URLs the function hands to
 * those who may see them (file.urls). Local and H5 urls (`/uploads/...`) are shown as they are;
 * selfhost: the self-hosted weapp has no cookie either, so its `/uploads/...` urls get signed URLs
 * the same way (media.shown says which urls need one on this platform).
 * One rule: screens never read `cloud://` ids themselves; they ask `useFileUrls` for what to show.
 */
import { useEffect, useState } from 'react'
import { call } from './api'
import media from './media'

/** The function's (and the self-hosted server's signed) URLs live ten minutes; use them for nine. */
const KEEP_MS = 9 * 60_000
/** file.urls answers at most 20 ids per call. */
const BATCH = 20

const cache = new Map<string, { url: string; until: number }>()
const fresh = (fileId: string): string | null => {
  const hit = cache.get(fileId)
  return hit && hit.until > Date.now() ? hit.url : null
}

/** What to show for each url: the temporary URL of a cloud file ('' until it is known), else the url. */
export const useFileUrls = (urls: readonly string[]): ((url: string) => string) => {
  const key = [...new Set(urls.filter((u) => media.shown.needsGrant(u)))].sort().join('\n')
  const [, setVersion] = useState(0)
  useEffect(() => {
    const wanted = key ? key.split('\n').filter((u) => !fresh(u)) : []
    if (!wanted.length) return
    let live = true
    for (let i = 0; i < wanted.length; i += BATCH) {
      call('file.urls', { fileIds: wanted.slice(i, i + BATCH) })
        .then(({ urls: answered }) => {
          for (const { fileId, url } of answered) if (url) cache.set(fileId, { url: media.shown.absolute(url), until: Date.now() + KEEP_MS })
          if (live) setVersion((v) => v + 1)
        })
        // Not seen is not an error on a screen: the photo stays empty.
        .catch(() => undefined)
    }
    return () => {
      live = false
    }
  }, [key])
  return (url) => (media.shown.needsGrant(url) ? (fresh(url) ?? '') : url)
}
