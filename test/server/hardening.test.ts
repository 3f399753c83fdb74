/**
 * Issue 10, item 6 (the findings of the attack besides role separation), each through the real HTTP
 * server: files under /uploads served only to readers of their ticket; the upload size limit exact
 * over a keep-alive connection (5.1 MB and 50 MB refused, never stored cut to 5 MiB); EXIF/GPS
 * stripped from WebP uploads, visit photos and signatures; per-person quotas and the per-address
 * limit (a Chinese error, a stable code, nothing written); the roster import refusing before it
 * reads the body; a replay re-checking the caller and never replaying a revealed phone; `input:
 * null` refused; reads of personal data in the township's read log.
 * (Cloud file ids and their owners: test/cloud/uploads.test.ts. Rater anonymity: ratings.test.ts.)
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import { migrateToLatest } from '../../src/server/storage/migrations'
import { jpegHeader, realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const MiB = 1024 * 1024
const token = async (target: Harness, personId: string) => (await target.anonymous.ok('auth.devLogin', { personId })).token

/** One keep-alive connection for every upload of a test: the case where truncated files were stored. */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 })
afterAll(() => keepAlive.destroy())

interface Posted {
  status: number
  json: { ok: boolean; data?: { url: string; bytes: number }; error?: { code: string; message: string } }
  reused: boolean
}

/** POST /upload as multipart over the keep-alive agent. */
const upload = (target: Harness, auth: string | null, bytes: Buffer, kind = 'photo', filename = 'a.jpg'): Promise<Posted> => {
  const boundary = `----mq${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`)
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Buffer.concat([head, bytes, tail])
  const url = new URL(`${target.server.url}/upload?kind=${kind}`)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Posted['json'], reused: req.reusedSocket }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const storedFiles = () => fs.readdirSync(path.join(h.dataDir, 'uploads')).length
const count = (target: Harness, c: 'uploads' | 'tickets' | 'reveals' | 'images') => target.server.deps.store.count(c, {})

/** A walkable JPEG with an EXIF (GPS) segment after SOI, padded to `bytes` by scan data. */
const jpegWithGps = (bytes = 4096): Buffer => {
  const plain = Buffer.from(jpegHeader(64, 64, bytes - 19), 'base64')
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x11]), Buffer.from('Exif\0\0GPSLat39.2N', 'latin1').subarray(0, 15)])
  return Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)])
}

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8)
  head.write(type, 0, 'latin1')
  head.writeUInt32LE(data.length, 4)
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
}

/** An extended WebP (VP8X with the EXIF and XMP flags) carrying EXIF and XMP chunks with GPS. */
const webpWithGps = (): Buffer => {
  const vp8x = Buffer.alloc(10)
  vp8x[0] = 0x08 | 0x04 // EXIF, XMP
  vp8x.writeUIntLE(63, 4, 3)
  vp8x.writeUIntLE(63, 7, 3)
  const body = Buffer.concat([
    chunk('VP8X', vp8x),
    chunk('VP8 ', Buffer.alloc(40, 0x11)),
    chunk('EXIF', Buffer.from('Exif\0\0GPSLat39.2N', 'latin1')),
    chunk('XMP ', Buffer.from('<x:xmpmeta>GPSLongitude 109.6</x:xmpmeta>', 'latin1')),
  ])
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(body.length + 4, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}

/** A PNG with a tEXt chunk (where tools write comments and locations) right after its IHDR. */
const pngWithText = async (): Promise<string> => {
  const png = Buffer.from(await realPng(), 'base64')
  const text = Buffer.from('Comment\0GPSLat39.2N', 'latin1')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(text.length)
  return Buffer.concat([png.subarray(0, 33), len, Buffer.from('tEXt', 'latin1'), text, Buffer.alloc(4), png.subarray(33)]).toString('base64')
}

describe('files under /uploads', () => {
  it('are served only with a session, to the uploader and to whoever may read the ticket they belong to', async () => {
    const villager = await token(h, 'villager-a1')
    const up = await upload(h, villager, jpegWithGps())
    expect(up.status).toBe(200)
    const url = up.json.data?.url ?? ''
    const get = (headers: Record<string, string>) => fetch(`${h.server.url}${url}`, { headers })
    const bearer = async (personId: string) => ({ authorization: `Bearer ${await token(h, personId)}` })

    expect((await get({})).status).toBe(401)
    expect((await get({ authorization: 'Bearer forged.token' })).status).toBe(401)
    expect((await get(await bearer('villager-a1'))).status).toBe(200)
    // Not attached to anything yet: nobody else sees it, not even the household's cadre.
    expect((await get(await bearer('cadre-a'))).status).toBe(403)

    await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls: [url] })
    const served = await get(await bearer('cadre-a'))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect((await get(await bearer('office-1'))).status).toBe(200)
    // The H5 app's cookie (an <img> cannot send a header) counts like the header.
    expect((await get({ cookie: `mq_session=${await token(h, 'cadre-a')}` })).status).toBe(200)
    for (const outsider of ['villager-b1', 'cadre-b', 'office-x']) {
      const r = await get(await bearer(outsider))
      expect([outsider, r.status, ((await r.json()) as { error: { code: string } }).error.code]).toEqual([outsider, 403, 'AUTH.FORBIDDEN'])
    }
    // A file attached to one ticket cannot be carried onto another.
    const again = await (await h.as('villager-a1')).call('ticket.create', { kind: 'problem', category: 'infrastructure', description: '又坏了', photoUrls: [url] }, requestId())
    expect(again.body).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  })

  it('refuses a photo over the limit exactly, 5.1 MB and 50 MB over one keep-alive connection, and stores nothing', async () => {
    const villager = await token(h, 'villager-a1')
    const max = DEFAULT_SETTINGS.tickets.attachments.maxPhotoBytes
    expect(max).toBe(5 * MiB)
    // A small photo first opens the keep-alive connection the next ones go over.
    expect((await upload(h, villager, jpegWithGps())).status).toBe(200)
    const files = storedFiles()
    const rows = await count(h, 'uploads')
    for (const [i, size] of [Math.round(5.1 * MiB), 50 * MiB, max + 1].entries()) {
      const r = await upload(h, villager, Buffer.from(jpegHeader(64, 64, size), 'base64'))
      expect([size, r.status, r.json.error?.code]).toEqual([size, 413, 'UPLOAD.TOO_LARGE'])
      expect(r.json.error?.message).toMatch(/文件太大/)
      if (i === 0) expect(r.reused).toBe(true)
    }
    // The same through fetch (undici's keep-alive pool), repeated: before the fix, busboy's limit
    // raced the read and a 50 MB photo was answered 200 and stored as exactly 5 MiB now and then.
    for (let i = 0; i < 8; i++) {
      const size = i % 2 ? 50 * MiB : Math.round(5.1 * MiB)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(Buffer.from(jpegHeader(64, 64, size), 'base64'))]), 'a.jpg')
      const r = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${villager}` } })
      expect([size, r.status, ((await r.json()) as { error?: { code: string } }).error?.code]).toEqual([size, 413, 'UPLOAD.TOO_LARGE'])
    }
    expect(storedFiles()).toBe(files)
    expect(await count(h, 'uploads')).toBe(rows)
    // Exactly the limit passes, whole.
    const exact = await upload(h, villager, Buffer.from(jpegHeader(64, 64, max), 'base64'))
    expect([exact.status, exact.json.data?.bytes]).toEqual([200, max])
    expect(fs.statSync(path.join(h.dataDir, 'uploads', path.basename(exact.json.data?.url ?? ''))).size).toBe(max)
  })
})

describe('EXIF and GPS are stripped from every image', () => {
  it('a WebP upload loses its EXIF and XMP chunks and flags, and stays a well-formed RIFF', async () => {
    const r = await upload(h, await token(h, 'villager-a1'), webpWithGps(), 'photo', 'a.webp')
    expect(r.status).toBe(200)
    const stored = fs.readFileSync(path.join(h.dataDir, 'uploads', path.basename(r.json.data?.url ?? '')))
    expect(stored.includes(Buffer.from('GPSLat'))).toBe(false)
    expect(stored.includes(Buffer.from('GPSLongitude'))).toBe(false)
    expect(stored.toString('latin1', 0, 4)).toBe('RIFF')
    expect(stored.readUInt32LE(4)).toBe(stored.length - 8)
    expect(stored.toString('latin1', 12, 16)).toBe('VP8X')
    expect((stored[20] ?? 0) & 0x0c).toBe(0)
    expect(stored.includes(Buffer.from('VP8 '))).toBe(true)
  })

  it('a visit photo (JPEG) and a signature (PNG) given as base64 are stored without their metadata', async () => {
    const photo = jpegWithGps().toString('base64')
    const visit = await (await h.as('cadre-a')).ok('visit.create', { householdId: 'hh-a1', purpose: '走访', photo })
    await (await h.as('villager-a1')).ok('visit.signOff', { visitId: visit.id, signaturePng: await pngWithText() })
    const stored = await h.server.deps.store.get('visits', visit.id)
    const images = await h.server.deps.store.getMany('images', [stored?.photoId ?? '', stored?.signatureId ?? ''])
    expect(images.map((i) => i.kind).sort()).toEqual(['signature', 'visitPhoto'])
    for (const image of images) {
      const bytes = Buffer.from(image.data, 'base64')
      expect(bytes.includes(Buffer.from('GPSLat'))).toBe(false)
      expect(image.bytes).toBe(bytes.length)
    }
  })
})

describe('per-person quotas and the per-address limit', () => {
  const tight = (limits: Partial<Settings['limits']>): Settings => ({ ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, ...limits } })

  it('a villager files at most the hour quota of tickets; the next is refused in Chinese and writes nothing', async () => {
    const t = await startHarness({ settings: tight({ ticketsPerHour: 3 }) })
    try {
      const villager = await t.as('villager-a1')
      const file = () => villager.call('ticket.create', { kind: 'problem', category: 'other', description: '刷单' }, requestId())
      for (let i = 0; i < 3; i++) expect((await file()).body.ok).toBe(true)
      const before = await count(t, 'tickets')
      const over = await file()
      expect(over.status).toBe(429)
      expect(over.body).toMatchObject({ ok: false, error: { code: 'LIMIT.TICKETS_PER_HOUR', message: '您这一小时提交的事项太多了，请过一会儿再提交。' } })
      expect(await count(t, 'tickets')).toBe(before)
      // Another person is not held back; the same one may file again an hour later.
      expect((await (await t.as('villager-a2')).call('ticket.create', { kind: 'problem', category: 'other', description: '路灯' }, requestId())).body.ok).toBe(true)
      t.advance(3_600_001)
      expect((await file()).body.ok).toBe(true)
    } finally {
      await t.stop()
    }
  })

  it('uploads an hour and bytes a day, for files and for images inside actions alike', async () => {
    const t = await startHarness({ settings: tight({ uploadsPerHour: 2, uploadBytesPerDay: 10_000 }) })
    try {
      const villager = await token(t, 'villager-a1')
      expect((await upload(t, villager, jpegWithGps(4000))).status).toBe(200)
      expect((await upload(t, villager, jpegWithGps(4000))).status).toBe(200)
      const rows = await count(t, 'uploads')
      const hourly = await upload(t, villager, jpegWithGps(1000))
      expect([hourly.status, hourly.json.error?.code]).toEqual([429, 'LIMIT.UPLOADS_PER_HOUR'])
      t.advance(3_600_001)
      const daily = await upload(t, villager, jpegWithGps(4000))
      expect([daily.status, daily.json.error?.code, daily.json.error?.message]).toEqual([429, 'LIMIT.UPLOAD_BYTES_PER_DAY', '您今天上传的照片和语音已经到了上限，请明天再传。'])
      expect(await count(t, 'uploads')).toBe(rows)
      // A visit photo counts against the cadre's own quota the same way.
      const cadre = await t.as('cadre-a')
      await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '走访', photo: jpegHeader(64, 64, 6000) })
      const images = await count(t, 'images')
      const visits = await t.server.deps.store.count('visits', {})
      const over = await cadre.call('visit.create', { householdId: 'hh-a1', purpose: '走访', photo: jpegHeader(64, 64, 6000) }, requestId())
      expect(over.body).toMatchObject({ ok: false, error: { code: 'LIMIT.UPLOAD_BYTES_PER_DAY' } })
      expect([await count(t, 'images'), await t.server.deps.store.count('visits', {})]).toEqual([images, visits])
    } finally {
      await t.stop()
    }
  })

  it('one network address gets a clear 429 past the per-minute limit, whatever it calls', async () => {
    const t = await startHarness({ settings: tight({ requestsPerMinutePerAddress: 6 }) })
    try {
      const statuses: number[] = []
      let last: unknown = null
      for (let i = 0; i < 8; i++) {
        const r = await t.post('/api/auth.devPeople', JSON.stringify({ input: {} }))
        statuses.push(r.status)
        last = r.json
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429])
      expect(last).toMatchObject({ ok: false, error: { code: 'LIMIT.TOO_MANY_REQUESTS', message: '操作太频繁了，请等一分钟再试。' } })
    } finally {
      await t.stop()
    }
  })
})

describe('the roster import checks the role before it reads the body', () => {
  it("answers a villager's 39 MB upload with 403 while the body is still being sent, and writes nothing", async () => {
    const villager = await token(h, 'villager-a1')
    const people = await h.server.deps.store.count('people', {})
    const url = new URL(`${h.server.url}/files/roster-import`)
    const total = 39 * MiB
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': total, authorization: `Bearer ${villager}` },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sent })
            req.destroy()
          })
        },
      )
      req.on('error', (e) => (sent < total ? undefined : reject(e)))
      // Only the first 64 KB are sent; the answer must come without the rest.
      const first = Buffer.concat([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\n'), Buffer.alloc(64 * 1024, 0x61)])
      sent = first.length
      req.write(first)
    })
    expect(answer.sent).toBeLessThan(total)
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(await h.server.deps.store.count('people', {})).toBe(people)
  })
})

describe('replays and null input', () => {
  it('a replayed write re-checks the caller: once their roles changed, the stored answer is not given', async () => {
    const office = await h.as('office-1')
    const id = requestId()
    const first = await office.call('office.postNotice', { villageId: null, title: '通知', body: '周五开会' }, id)
    expect(first.body.ok).toBe(true)
    expect((await office.call('office.postNotice', { villageId: null, title: '通知', body: '周五开会' }, id)).body).toEqual(first.body)
    const store = h.server.deps.store
    const person = await store.get('people', 'office-1')
    await store.replace('people', { ...person!, duty: 'resident' })
    try {
      const replay = await office.call('office.postNotice', { villageId: null, title: '通知', body: '周五开会' }, id)
      expect(replay.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    } finally {
      await store.replace('people', person!)
    }
  })

  it('a phone reveal is not kept in the idempotency record: its replay runs again (checked and logged again)', async () => {
    const office = await h.as('office-1')
    const id = requestId()
    const reveals = await count(h, 'reveals')
    const first = await office.ok('office.reveal', { subjectId: 'villager-a1', field: 'phone' }, id)
    expect(first).toEqual({ value: '13912345678' })
    const [record] = await h.server.deps.store.find('requests', { id: `office-1:${id}` })
    expect(JSON.stringify(record)).not.toContain('13912345678')
    expect(await office.ok('office.reveal', { subjectId: 'villager-a1', field: 'phone' }, id)).toEqual(first)
    expect(await count(h, 'reveals')).toBe(reveals + 2)
  })

  it.each([
    ['ticket.create', 'villager-a1'],
    ['me.get', 'villager-a1'],
    ['office.postNotice', 'office-1'],
  ] as const)('%s with input: null is refused as VALIDATION.FAILED, nothing written', async (action, who) => {
    const before = await count(h, 'tickets')
    const r = await h.post(`/api/${action}`, JSON.stringify({ input: null, requestId: requestId() }), { authorization: `Bearer ${await token(h, who)}` })
    expect([r.status, (r.json as { error?: { code: string } }).error?.code]).toEqual([400, 'VALIDATION.FAILED'])
    expect(await count(h, 'tickets')).toBe(before)
  })
})

describe('every read of personal data is logged, and the township reads the log', () => {
  it('sign-in photos and who rated whom join phone reveals in the log the office and the supervision group read', async () => {
    const store = h.server.deps.store
    await store.insert('images', { id: 'pho-log', townshipId: 'ts-1', kind: 'signinPhoto', ownerId: 'cadre-a', mime: 'image/jpeg', width: 64, height: 64, bytes: 3, data: 'AAAA', at: h.now() })
    await store.insert('signins', {
      id: 'si-log', townshipId: 'ts-1', cadreId: 'cadre-a', at: h.now(), lat: 39.6, lng: 109.8, placeId: null, slot: 'morning', valid: true, invalidReason: null, photoId: 'pho-log', distanceM: 10,
    })
    h.advance(1000)
    await (await h.as('supervisor-1')).ok('signin.photo', { signInId: 'si-log' })
    h.advance(1000)
    await (await h.as('office-1')).ok('rating.township', { cadreId: 'cadre-b' })
    for (const reader of ['office-1', 'supervisor-1']) {
      const log = await (await h.as(reader)).ok('office.revealLog', {})
      expect(log.slice(0, 2).map((r) => [r.actor, r.subject, r.field])).toEqual([
        ['赵敏', '刘芳', 'raters'],
        ['高洁', '张伟', 'signinPhoto'],
      ])
    }
    expect((await (await h.as('cadre-a')).call('office.revealLog', {})).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('migration 0006_identity_hardening', () => {
  it('runs on a database that already ran later steps (steps are merged in any order), and again without harm', async () => {
    const { db, dialect } = h.server.deps.store
    await db.deleteFrom('kysely_migration').where('name', '=', '0006_identity_hardening').execute()
    expect(await migrateToLatest(db, dialect)).toEqual(['0006_identity_hardening'])
    expect(await migrateToLatest(db, dialect)).toEqual([])
  })
})
