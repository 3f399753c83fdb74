/**
 * A generated portrait for a seeded cadre (issue 12 item 9: the demo shows faces): a small flat
 * SVG head and shoulders whose skin, hair, hairstyle, jacket and background follow from the
 * person's id, the same every time. About 1 KB as a data URI; never a real person's photo.
 */
import { createHash } from 'node:crypto'

const SKIN = ['#f1c9a5', '#e8b48f', '#d9a07a', '#c98e68', '#f5d3b8']
const HAIR = ['#1f1a17', '#2e2520', '#3b2f2a', '#4a3b33', '#6b6b6b']
const JACKET = ['#23395d', '#3d4f3a', '#5a2e2e', '#2f3e46', '#44403c', '#1e3a5f']
const BACKGROUND = ['#dfe7ef', '#e6efe3', '#efe6dc', '#e9e3ef', '#f0ebd8']

const pick = <T>(list: readonly T[], byte: number): T => list[byte % list.length] as T

/** The SVG markup of the portrait of `seed` (a person id). */
export const portraitSvg = (seed: string, female: boolean): string => {
  const b = createHash('sha256').update(seed).digest()
  const skin = pick(SKIN, b[0] ?? 0)
  const hair = pick(HAIR, b[1] ?? 0)
  const jacket = pick(JACKET, b[2] ?? 0)
  const bg = pick(BACKGROUND, b[3] ?? 0)
  const shirt = (b[4] ?? 0) % 2 === 0 ? '#ffffff' : '#dde3ea'
  const hairShape = female
    ? '<path d="M34 58c0-24 14-36 30-36s30 12 30 36v30h-10V60c-6-8-14-12-20-12s-14 4-20 12v28H34z"/>'
    : (b[5] ?? 0) % 2 === 0
      ? '<path d="M38 56c0-20 12-30 26-30s26 10 26 30c-6-8-16-12-26-12s-20 4-26 12z"/>'
      : '<path d="M37 60c-2-22 10-34 27-34 15 0 28 10 27 32-5-10-13-14-27-14-12 0-21 6-27 16z"/>'
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">',
    `<rect width="128" height="128" fill="${bg}"/>`,
    `<path d="M18 128c2-26 20-38 46-38s44 12 46 38z" fill="${jacket}"/>`,
    `<path d="M52 92l12 16 12-16z" fill="${shirt}"/>`,
    `<rect x="56" y="76" width="16" height="18" rx="6" fill="${skin}"/>`,
    `<ellipse cx="64" cy="60" rx="24" ry="28" fill="${skin}"/>`,
    `<g fill="${hair}">${hairShape}</g>`,
    `<circle cx="55" cy="62" r="2.6" fill="#2b2b2b"/><circle cx="73" cy="62" r="2.6" fill="#2b2b2b"/>`,
    '<path d="M57 74q7 5 14 0" stroke="#8a4b3c" stroke-width="2.4" fill="none" stroke-linecap="round"/>',
    '</svg>',
  ].join('')
}

/** The portrait as a data URI for `photoUrl` (base64: the weapp's Image takes it). */
export const portraitDataUri = (seed: string, female: boolean): string =>
  `data:image/svg+xml;base64,${Buffer.from(portraitSvg(seed, female)).toString('base64')}`
