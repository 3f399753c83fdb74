/**
 * Binding an account to a roster person (DOMAIN 3.12): by the WeChat-verified phone number (the
 * default), by a one-time phone code in H5 and local mode, or by a one-time invitation from the
 * village secretary or the office. Unbinding is the office's; the household sees every binding;
 * the supervision group sees the bindings made by invitation and the refused sign-offs and ratings.
 */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText } from '../action'
import type { InvitationView } from '../views.office'
import type { BindingAuditView, BindingEventView } from '../views.binding'

const bound = ['BINDING.ALREADY_BOUND', 'BINDING.PERSON_BOUND'] as const
/** A bound account: the person, and in H5 the session the binding opens (null in WeChat: the OPENID is the session). */
type Bound = { personId: string; name: string; sessionToken: string | null }

const phone = () => z.string().trim().regex(/^1\d{10}$/)

export const bindingActions = {
  /** The members of a household the caller may invite, and whether each is bound already. */
  'binding.members': defineAction<{ householdNumber: string; headName: string; members: { id: string; name: string; hasPhone: boolean; bound: boolean }[] }>()({
    input: z.object({ householdId: id() }).strict(),
  }),
  /**
   * The village secretary or the office makes a one-time, expiring invitation for a member (never
   * the household's own cadre); `wxacode`: also the 小程序码 (weapp), opening trial builds when
   * `envVersion` says so.
   */
  'binding.invite': defineAction<InvitationView>()({
    input: z.object({ personId: id(), wxacode: z.boolean().optional(), envVersion: z.enum(['release', 'trial', 'develop']).optional() }).strict(),
    write: true,
  }),
  /**
   * The member scans and is bound. WeChat: the runtime's OPENID is bound to the member. H5: a web
   * account is made and the answer carries its session.
   */
  'binding.accept': defineAction<Bound>()({
    input: z.object({ token: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    errors: ['BINDING.INVALID', 'BINDING.EXPIRED', 'BINDING.USED', ...bound],
    write: true,
    public: true,
  }),
  /** WeChat: the code of the button open-type="getPhoneNumber"; the verified number names the roster person. */
  'binding.byPhone': defineAction<Bound>()({
    input: z.object({ code: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    errors: ['BINDING.PHONE_REFUSED', 'BINDING.PHONE_UNKNOWN', 'BINDING.PHONE_AMBIGUOUS', ...bound],
    write: true,
    public: true,
  }),
  /** H5 and local mode: a one-time code to the phone (the local server prints it on its console). */
  'binding.sendCode': defineAction<{ expiresAt: number }>()({
    input: z.object({ phone: phone() }).strict(),
    errors: ['BINDING.CODE_LIMIT'],
    write: true,
    public: true,
    localOnly: true,
  }),
  /** H5 and local mode: phone and code bind a web account to the roster person with that phone. */
  'binding.byCode': defineAction<Bound>()({
    input: z.object({ phone: phone(), code: z.string().trim().regex(/^\d{6}$/) }).strict(),
    errors: ['BINDING.CODE_WRONG', 'BINDING.CODE_EXPIRED', 'BINDING.PHONE_UNKNOWN', 'BINDING.PHONE_AMBIGUOUS', ...bound],
    write: true,
    public: true,
    localOnly: true,
  }),
  /** The office ends a person's accounts (换绑: they bind again by phone); logged and told to the household. */
  'binding.unbind': defineAction<{ unbound: number }>()({
    input: z.object({ personId: id(), reason: requiredText(200) }).strict(),
    write: true,
  }),
  /** A household member: the bindings made and ended in the household ("新绑定：…"). */
  'binding.household': defineAction<BindingEventView[]>()({ input: noInput }),
  /** The supervision group: bindings made by invitation, and sign-offs and ratings refused for the account. */
  'binding.audit': defineAction<BindingAuditView>()({ input: noInput }),
}
