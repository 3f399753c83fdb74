/**
 * selfhost (issue 11): photos and voice notes of the self-hosted weapp, through the real HTTP server
 * (server mode, a real database) and the weapp's own client code (transport-weapp-core's https
 * transport, media-weapp-core's https uploader) with a platform whose `wx.request`/`wx.uploadFile`
 * are real HTTP requests. The upload has the H5 path's checks (exact size limit, type by bytes,
 * EXIF stripped, owner recorded, hourly quota); the weapp shows a file through a signed URL that
 * `file.urls` makes for one reader who may see it, and that opens nothing once changed or expired.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import type { ApiResponse } from '../../src/contracts'
import { readHostedConfig } from '../../src/server/hosted/config'
import { startHostedServer, type HostedServer } from '../../src/server/hosted/start'
import { localWechatLogin } from '../../src/server/wechat/local'
import { httpsUploader, shownUrls, uploadKept, uploadOrKeep, type MediaPlatform } from '../../src/services/media-weapp-core'
import { TOKEN_KEY, makeWeappTransport, type WeappPlatform } from '../../src/services/transport-weapp-core'
import type { Transport } from '../../src/services/transport-types'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { jpegHeader } from './fixtures/images'
import { loadWorld } from './world'

const MAX_PHOTO = 96 * 1024
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  tickets: { ...DEFAULT_SETTINGS.tickets, attachments: { ...DEFAULT_SETTINGS.tickets.attachments, maxPhotoBytes: MAX_PHOTO } },
  limits: { ...DEFAULT_SETTINGS.limits, uploadsPerHour: 12 },
}

let dataDir: string
let filesDir: string
let database: TestDatabase
let server: HostedServer
let now = Date.now()

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-selfhost-media-'))
  filesDir = path.join(dataDir, 'phone')
  fs.mkdirSync(filesDir)
  database = await freshDatabase(dataDir)
  const read = readHostedConfig({ MINQING_WECHAT_APPID: 'wx0123456789abcdef', MINQING_WECHAT_SECRET: 'test-secret', MINQING_DATABASE_URL: database.url, MINQING_DATA_DIR: dataDir })
  if (!('config' in read)) throw new Error(JSON.stringify(read.problems))
  server = await startHostedServer({ ...read.config, host: '127.0.0.1', port: 0, overdueSweepMinutes: 0, autoCloseMinutes: 0 }, { wechatLogin: localWechatLogin(), logger: false, settings, clock: () => now })
  await loadWorld(server.deps.store)
  const bind = (openid: string, personId: string) => server.deps.store.insert('bindings', { id: `bind-${openid}`, openid, personId, boundAt: now - 30 * 86_400_000 })
  await bind('o-villager-a1', 'villager-a1')
  await bind('o-cadre-a', 'cadre-a')
  await bind('o-villager-b1', 'villager-b1')
  await bind('o-villager-a1b', 'villager-a1b')
})
afterAll(async () => {
  await server?.close()
  await database?.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** A phone of `openid`: the weapp's https transport and uploader over real HTTP. */
const phone = (openid: string) => {
  const store = new Map<string, string>()
  let online = true
  const platform: WeappPlatform = {
    initCloud: () => undefined,
    callFunction: async () => {
      throw new Error('no cloud in the self-hosted build')
    },
    request: async ({ url, data, header }) => {
      const response = await fetch(url, { method: 'POST', headers: header, body: JSON.stringify(data) })
      return { statusCode: response.status, data: (await response.json()) as unknown }
    },
    login: async () => ({ code: `local:${openid}` }),
    storage: { get: (k) => store.get(k), set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) },
  }
  const uploads: { url: string; header: Record<string, string> }[] = []
  const media: MediaPlatform = {
    fileSize: async (p) => fs.statSync(p).size,
    cloudUpload: async () => {
      throw new Error('no cloud in the self-hosted build')
    },
    // wx.uploadFile: multipart with the file under `name`, the body answered as a string.
    uploadFile: async ({ url, filePath, name, header }) => {
      uploads.push({ url, header })
      if (!online) throw Object.assign(new Error('uploadFile:fail'), { errMsg: 'uploadFile:fail network' })
      const form = new FormData()
      form.append(name, new Blob([fs.readFileSync(filePath)]), path.basename(filePath))
      const response = await fetch(url, { method: 'POST', headers: header, body: form })
      return { statusCode: response.status, data: await response.text() }
    },
    networkType: async () => (online ? 'wifi' : 'none'),
    saveFile: (p) => {
      const kept = `${p}.kept`
      fs.copyFileSync(p, kept)
      return kept
    },
    unlink: (p) => fs.rmSync(p),
  }
  const transport: Transport = makeWeappTransport({ kind: 'https', base: server.url }, platform)
  const uploader = httpsUploader(media, server.url, transport, (code, message) => Object.assign(new Error(message), { code }))
  const call = async <T,>(action: string, input: unknown): Promise<ApiResponse<T>> => (await transport.send({ action, input, requestId: `req-${Math.random().toString(36).slice(2, 12)}` })) as ApiResponse<T>
  return { transport, uploader, media, call, store, uploads, setOnline: (v: boolean) => void (online = v) }
}

let fileNumber = 0
const file = (bytes: Buffer, ext = 'jpg'): string => {
  const p = path.join(filesDir, `f${++fileNumber}.${ext}`)
  fs.writeFileSync(p, bytes)
  return p
}
/** A JPEG of exactly `size` bytes with an EXIF segment (GPS) after its start. */
const jpegWithExif = (size: number): Buffer => {
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x11]), Buffer.from('Exif\0\0GPSLat39.2N', 'latin1').subarray(0, 15)])
  const plain = Buffer.from(jpegHeader(64, 48, size - exif.length), 'base64')
  return Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)])
}
const codeOf = (error: unknown) => (error as { code?: string }).code

it('the weapp uploads a photo with wx.uploadFile and its session: EXIF stripped, the villager recorded as its owner', async () => {
  const villager = phone('o-villager-a1')
  const url = await villager.uploader.upload(file(jpegWithExif(4096)), 'photo', 'jpg')
  expect(url).toMatch(/^\/uploads\/[a-f0-9]{32}\.jpg$/)
  // It logged in with wx.login first and sent the token it got as the Authorization header.
  expect(villager.uploads[0]?.url).toBe(`${server.url}/upload?kind=photo`)
  expect(villager.uploads[0]?.header.Authorization).toBe(`Bearer ${villager.store.get(TOKEN_KEY)}`)
  const stored = fs.readFileSync(path.join(dataDir, 'uploads', url.slice('/uploads/'.length)))
  expect(stored.includes(Buffer.from('Exif', 'latin1'))).toBe(false)
  // The 19-byte EXIF segment is gone, nothing else.
  expect(stored.length).toBe(4096 - 19)
  const [row] = await server.deps.store.find('uploads', { url: [url] })
  expect(row).toMatchObject({ ownerId: 'villager-a1', kind: 'photo', bytes: 4096 - 19, townshipId: 'ts-1' })
})

it('the exact size limit holds: a photo of the limit passes, one byte more is refused and nothing is stored', async () => {
  const villager = phone('o-villager-a1')
  await expect(villager.uploader.upload(file(Buffer.from(jpegHeader(64, 48, MAX_PHOTO), 'base64')), 'photo', 'jpg')).resolves.toMatch(/^\/uploads\//)
  const before = fs.readdirSync(path.join(dataDir, 'uploads')).length
  const error = await villager.uploader.upload(file(Buffer.from(jpegHeader(64, 48, MAX_PHOTO + 1), 'base64')), 'photo', 'jpg').catch((e: unknown) => e)
  expect(codeOf(error)).toBe('UPLOAD.TOO_LARGE')
  // Not a photo by its bytes (a named .jpg that is text): refused too.
  const fake = await villager.uploader.upload(file(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'.repeat(4)), 'jpg'), 'photo', 'jpg').catch((e: unknown) => e)
  expect(codeOf(fake)).toBe('UPLOAD.BAD_TYPE')
  expect(fs.readdirSync(path.join(dataDir, 'uploads')).length).toBe(before)
})

it('an expired or foreign token is renewed once with wx.login and the upload sent again; an unbound WeChat user is refused', async () => {
  const villager = phone('o-villager-a1')
  villager.store.set(TOKEN_KEY, 'expired.or.forged')
  await expect(villager.uploader.upload(file(jpegWithExif(2048)), 'photo', 'jpg')).resolves.toMatch(/^\/uploads\//)
  expect(villager.uploads.map((u) => u.header.Authorization)).toEqual(['Bearer expired.or.forged', `Bearer ${villager.store.get(TOKEN_KEY)}`])
  const stranger = phone('o-not-bound-1')
  expect(codeOf(await stranger.uploader.upload(file(jpegWithExif(2048)), 'photo', 'jpg').catch((e: unknown) => e))).toBe('AUTH.NOT_BOUND')
})

it('offline, the photo is kept on the phone as a pending url and uploaded once the signal is back', async () => {
  const villager = phone('o-villager-a1')
  villager.setOnline(false)
  const pending = await uploadOrKeep(villager.uploader, villager.media, file(jpegWithExif(2048)), 'photo', 'jpg')
  expect(pending).toMatch(/^pending:/)
  await expect(uploadKept(villager.uploader, villager.media, pending)).rejects.toThrow()
  villager.setOnline(true)
  await expect(uploadKept(villager.uploader, villager.media, pending)).resolves.toMatch(/^\/uploads\/[a-f0-9]{32}\.jpg$/)
})

describe('showing a photo in the self-hosted weapp: signed URLs per reader', () => {
  let photo: string
  let villagerUrl: string
  beforeAll(async () => {
    const villager = phone('o-villager-a1')
    photo = await villager.uploader.upload(file(jpegWithExif(3000)), 'photo', 'jpg')
    const created = await villager.call<{ id: string }>('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村道坑洼，雨天无法通行', photoUrls: [photo] })
    expect(created.ok).toBe(true)
    const urls = await villager.call<{ urls: { fileId: string; url: string | null }[] }>('file.urls', { fileIds: [photo] })
    villagerUrl = urls.ok ? (urls.data.urls[0]?.url ?? '') : ''
  })

  it('the reporter and the household\'s cadre each get a URL that loads without any header; another household gets none', async () => {
    expect(villagerUrl).toMatch(new RegExp(`^${photo.replace(/\./g, '\\.')}\\?p=villager-a1&e=\\d+&s=[\\w-]{43}$`))
    const shown = shownUrls({ kind: 'https', base: server.url })
    expect(shown.needsGrant(photo)).toBe(true)
    const response = await fetch(shown.absolute(villagerUrl))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(dataDir, 'uploads', photo.slice('/uploads/'.length))))).toBe(true)

    const cadre = await phone('o-cadre-a').call<{ urls: { url: string | null }[] }>('file.urls', { fileIds: [photo] })
    const cadreUrl = cadre.ok ? cadre.data.urls[0]?.url : null
    expect(cadreUrl).toMatch(/\?p=cadre-a&/)
    expect((await fetch(`${server.url}${cadreUrl}`)).status).toBe(200)

    const other = await phone('o-villager-b1').call('file.urls', { fileIds: [photo, '/uploads/0123456789abcdef0123456789abcdef.jpg'] })
    expect(other).toMatchObject({ ok: true, data: { urls: [{ fileId: photo, url: null }, { fileId: '/uploads/0123456789abcdef0123456789abcdef.jpg', url: null }] } })
    // Without the signature the file still needs a session.
    expect((await fetch(`${server.url}${photo}`)).status).toBe(401)
  })

  it('a URL with another person, another file or a later expiry written in opens nothing', async () => {
    const u = new URL(villagerUrl, server.url)
    const variants = [
      new URL(`${u.pathname}?${new URLSearchParams({ ...Object.fromEntries(u.searchParams), p: 'villager-b1' })}`, server.url),
      new URL(`${u.pathname}?${new URLSearchParams({ ...Object.fromEntries(u.searchParams), e: String(Number(u.searchParams.get('e')) + 3600) })}`, server.url),
      new URL(`${u.pathname}?${new URLSearchParams({ ...Object.fromEntries(u.searchParams), s: 'A'.repeat(43) })}`, server.url),
      new URL(`/uploads/0123456789abcdef0123456789abcdef.jpg${u.search}`, server.url),
      new URL(`${u.pathname}?p=villager-a1&s=${u.searchParams.get('s')}`, server.url),
    ]
    for (const v of variants) {
      const response = await fetch(v)
      expect([v.toString(), response.status]).toEqual([v.toString(), 403])
      expect(((await response.json()) as ApiResponse<unknown>).ok).toBe(false)
    }
  })

  it('a URL is good for ten minutes only', async () => {
    expect((await fetch(`${server.url}${villagerUrl}`)).status).toBe(200)
    now += 10 * 60_000 + 1000
    try {
      expect((await fetch(`${server.url}${villagerUrl}`)).status).toBe(403)
    } finally {
      now -= 10 * 60_000 + 1000
    }
  })

  it('someone who may no longer see the file gets nothing even with an unexpired URL (the reader is checked again)', async () => {
    // Another member of the reporter's household sees the ticket's photo...
    const member = await phone('o-villager-a1b').call<{ urls: { url: string | null }[] }>('file.urls', { fileIds: [photo] })
    const memberUrl = member.ok ? (member.data.urls[0]?.url ?? '') : ''
    expect(memberUrl).toMatch(/\?p=villager-a1b&/)
    expect((await fetch(`${server.url}${memberUrl}`)).status).toBe(200)
    // ...until she moves to another household: her URL, still within its ten minutes, opens nothing.
    const person = await server.deps.store.get('people', 'villager-a1b')
    await server.deps.store.replace('people', { ...person!, householdId: 'hh-b1', villageId: 'vil-b' })
    try {
      expect((await fetch(`${server.url}${memberUrl}`)).status).toBe(403)
    } finally {
      await server.deps.store.replace('people', person!)
    }
  })
})

it('a voice note and a cadre photo take the same path: the cadre\'s face is shown to a villager of his township, not across it', async () => {
  const villager = phone('o-villager-a1')
  const mp3 = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0x55)])
  await expect(villager.uploader.upload(file(mp3, 'mp3'), 'voice', 'mp3')).resolves.toMatch(/^\/uploads\/[a-f0-9]{32}\.mp3$/)

  const cadre = phone('o-cadre-a')
  const face = await cadre.uploader.upload(file(jpegWithExif(2048)), 'photo', 'jpg')
  expect(await cadre.call('cadre.setPhoto', { photoUrl: face })).toMatchObject({ ok: true })
  // A portrait reaches villagers once its content check passed (guard); until then they get no URL.
  const before = await villager.call<{ urls: { url: string | null }[] }>('file.urls', { fileIds: [face] })
  expect(before).toMatchObject({ ok: true, data: { urls: [{ url: null }] } })
  const [check] = await server.deps.store.find('mediaChecks', { url: face })
  // images: the self-hosted server sends no photo to WeChat's check: it waits for the office (manual).
  expect(check).toMatchObject({ status: 'manual', traceId: null, decidedAt: null })
  await server.deps.store.replace('mediaChecks', { ...check!, status: 'pass', decidedAt: now })
  const seen = await villager.call<{ urls: { url: string | null }[] }>('file.urls', { fileIds: [face] })
  const faceUrl = seen.ok ? seen.data.urls[0]?.url : null
  expect((await fetch(`${server.url}${faceUrl}`)).status).toBe(200)
  await server.deps.store.insert('bindings', { id: 'bind-o-villager-x1', openid: 'o-villager-x1', personId: 'villager-x1', boundAt: now - 30 * 86_400_000 })
  expect(await phone('o-villager-x1').call('file.urls', { fileIds: [face] })).toMatchObject({ ok: true, data: { urls: [{ url: null }] } })
})

it('the hourly upload quota holds for the weapp as for H5 (LIMIT.* before the body is read)', async () => {
  await server.deps.store.insert('bindings', { id: 'bind-o-office-1', openid: 'o-office-1', personId: 'office-1', boundAt: now - 30 * 86_400_000 })
  const office = phone('o-office-1')
  const codes: (string | undefined)[] = []
  for (let i = 0; i < 13; i++) codes.push(await office.uploader.upload(file(jpegWithExif(1024)), 'photo', 'jpg').then(() => 'ok', (e: unknown) => codeOf(e)))
  expect(codes.slice(0, 12).every((c) => c === 'ok')).toBe(true)
  expect(codes[12]).toMatch(/^LIMIT\./)
})
