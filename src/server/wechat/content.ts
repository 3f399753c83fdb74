/**
 * Issue 13: WeChat's content security (内容安全) behind the WeChat port: msgSecCheck for text and
 * mediaCheckAsync for images in the cloud, a local word list otherwise.
 * One rule: handlers call the `ContentSecurity` interface only; the cloud adapter is wired in the
 * cloud entry and never reached by a test (outside WeChat's runtime the SDK fails unhandled).
 */
import { blockedWordsIn, type ContentVerdict } from '../../core/voice'
import type { ImageVerdict } from '../../core/media'

/** msgSecCheck's scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 'comment' | 'forum'

export interface ContentCheck {
  verdict: ContentVerdict
  /** What the check found, in words for the office (null when nothing). */
  label: string | null
}

export interface ContentSecurity {
  /** Text other villagers may read. `openid` is the writer's (msgSecCheck v2 needs it; none locally). */
  checkText(request: { text: string; openid: string | null; scene: ContentScene }): Promise<ContentCheck>
  /**
   * An image other villagers may see: WeChat answers asynchronously (a trace id now, the verdict
   * later by a message push); the local adapter answers at once; a server without an automatic
   * image check answers 'none' (images: the office decides).
   */
  checkImage(request: { url: string; openid: string | null; scene: ContentScene }): Promise<{ traceId: string | null; verdict: ImageVerdict | null; label?: string | null }>
}

/** The local adapter: the core's word list; never contacts any network. */
export const localContentSecurity: RecordingContentSecurity = {
  async checkText({ text }) {
    const words = blockedWordsIn(text)
    return words.length ? { verdict: 'risky', label: `不文明用语：${words.join('、')}` } : { verdict: 'pass', label: null }
  },
  // guard: images (below).
  imageCalls: [],
  refusedImages: new Set(),
  deferImages: false,
  // images: WeChat's "review" for the marked photos; no automatic check at all (as a self-hosted server).
  reviewImages: new Set(),
  noImageCheck: false,
  async checkImage({ url, openid, scene }) {
    return localImageCheck(localContentSecurity, { url, openid, scene })
  },
}

const SCENE: Record<ContentScene, number> = { comment: 2, forum: 3 }

/** msgSecCheck's labels the office needs to read (others: "其他"). */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

/** The slice of wx-server-sdk this adapter uses (typed here: the SDK's own types are loose). */
export interface WxCloudSecurity {
  openapi: {
    security: {
      msgSecCheck(request: { content: string; version: 2; scene: number; openid: string }): Promise<{ errCode?: number; errMsg?: string; result?: { suggest?: string; label?: number } }>
      mediaCheckAsync(request: { mediaUrl: string; mediaType: 2; version: 2; scene: number; openid: string }): Promise<{ errCode?: number; errMsg?: string; traceId?: string }>
    }
  }
}

/** The cloud adapter (the function's config.json declares security.msgSecCheck and security.mediaCheckAsync). */
export const cloudContentSecurity = (cloud: WxCloudSecurity): ContentSecurity => ({
  async checkText({ text, openid, scene }) {
    // Without the writer's openid (a cadre filing on behalf) WeChat cannot check v2: the office reads it.
    if (!openid) return { verdict: 'review', label: null }
    const answer = await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: SCENE[scene], openid })
    if (answer.errCode !== undefined && answer.errCode !== 0) throw new Error(`security.msgSecCheck failed: ${answer.errCode} ${answer.errMsg ?? ''}`)
    const suggest = answer.result?.suggest
    const verdict: ContentVerdict = suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass'
    const label = verdict === 'pass' ? null : (LABELS[answer.result?.label ?? 21000] ?? LABELS[21000] ?? null)
    return { verdict, label }
  },
  async checkImage({ url, openid, scene }) {
    if (!openid) return { traceId: null, verdict: 'review' }
    const answer = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: 2, version: 2, scene: SCENE[scene], openid })
    if (answer.errCode !== undefined && answer.errCode !== 0) throw new Error(`security.mediaCheckAsync failed: ${answer.errCode} ${answer.errMsg ?? ''}`)
    return { traceId: answer.traceId ?? null, verdict: null }
  },
})

// --- guard (issue 13 item 2): the local stand-in for mediaCheckAsync ---

/** One image check as WeChat's API would receive it. */
export interface ImageCheckCall {
  api: 'security.mediaCheckAsync'
  media_url: string
  media_type: 2
  version: 2
  scene: number
  openid: string | null
  trace_id: string | null
}

/**
 * The local adapter's image side: it records every call; it refuses an image whose url is in
 * `refusedImages` (the marker a test sets) and passes any other at once; with `deferImages` it
 * answers as WeChat does, a trace id now and no verdict (a test then delivers the push).
 */
export interface RecordingContentSecurity extends ContentSecurity {
  imageCalls: ImageCheckCall[]
  refusedImages: Set<string>
  deferImages: boolean
  /** images: these urls are answered "review" (WeChat could not decide: a person must look). */
  reviewImages: Set<string>
  /** images: answers as a server without an automatic image check ('none': the office decides). */
  noImageCheck: boolean
}

let traces = 0

const localImageCheck = async (
  adapter: RecordingContentSecurity,
  { url, openid, scene }: { url: string; openid: string | null; scene: ContentScene },
): Promise<{ traceId: string | null; verdict: ImageVerdict | null; label?: string | null }> => {
  if (adapter.noImageCheck) return { traceId: null, verdict: 'none' }
  const traceId = adapter.deferImages ? `local-trace-${Date.now().toString(36)}-${(traces++).toString(36)}` : null
  adapter.imageCalls.push({ api: 'security.mediaCheckAsync', media_url: url, media_type: 2, version: 2, scene: SCENE[scene], openid, trace_id: traceId })
  if (adapter.imageCalls.length > 500) adapter.imageCalls.splice(0, adapter.imageCalls.length - 500)
  if (traceId) return { traceId, verdict: null }
  // images: 20002 as WeChat's hint with its "review".
  if (adapter.reviewImages.has(url)) return { traceId: null, verdict: 'review', label: '20002' }
  // 21000: WeChat's "other" label.
  return adapter.refusedImages.has(url) ? { traceId: null, verdict: 'risky', label: '21000' } : { traceId: null, verdict: 'pass' }
}

// ---- images (issue 13 item 2's photos): a server without an automatic image check ----

/**
 * The self-hosted server's content security: text through WeChat (with the local fallback), images
 * never sent anywhere: WeChat's mediaCheckAsync fetches the photo from a public URL and answers by a
 * message push to the cloud function, neither of which a self-hosted server has. Every photo others
 * would see waits for a person of the office instead ('none' -> status manual, the office's queue).
 */
export const withoutImageCheck = (security: ContentSecurity): ContentSecurity => ({
  checkText: (request) => security.checkText(request),
  async checkImage() {
    return { traceId: null, verdict: 'none' }
  },
})
// ---- end images ----
