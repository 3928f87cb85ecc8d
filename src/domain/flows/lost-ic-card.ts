// ICカード紛失 (10(9)①エ, ②, ③): staff report at once; the section officer stops the card.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  datetime,
  defineForm,
  notInFuture,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';
import { msg } from '../../i18n';

export const kind = 'lost_ic_card' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.lost_ic_card.report_goes_section_security_officer'),
    article: '10(9)①エ',
  },
  {
    text: msg('flow.lost_ic_card.officer_will_stop_access_card'),
    article: '10(9)②',
  },
  {
    text: msg('flow.lost_ic_card.if_card_reissued_old_card'),
    article: '10(9)③',
  },
];

const L = {
  cardKind: msg('flow.lost_ic_card.card_type'),
  cardNumber: msg('flow.lost_ic_card.card_number'),
  lostAt: msg('flow.lost_ic_card.when_was_lost'),
  place: msg('flow.lost_ic_card.where_was_lost_best_guess'),
  circumstances: msg('flow.lost_ic_card.circumstances'),
} satisfies Record<string, Localized>;

const form = defineForm({
  cardKind: choice(true, {
    label: L.cardKind,
    choices: [
      { value: 'own', label: msg('flow.lost_ic_card.personal') },
      { value: 'shared', label: msg('flow.lost_ic_card.shared') },
    ],
    // 10(9)①イ only says who may use a shared card; the help says no more than that.
    help: msg('flow.lost_ic_card.choose_shared_shared_ic_card'),
    article: '10(9)①イ',
  }),
  cardNumber: text(false, {
    label: L.cardNumber,
    maxLength: 50,
    placeholder: msg('flow.lost_ic_card.if_known_e_g_0012345'),
  }),
  lostAt: datetime(true, {
    label: L.lostAt,
    defaultNow: true,
    help: msg('flow.lost_ic_card.japan_time'),
  }),
  place: text(true, {
    label: L.place,
    maxLength: 200,
    placeholder: msg('flow.lost_ic_card.e_g_meeting_room_3f'),
  }),
  circumstances: textarea(true, {
    label: L.circumstances,
    maxLength: 2000,
    placeholder: msg('flow.lost_ic_card.last_use_where_searched_whether'),
    help: msg('flow.lost_ic_card.report_section_officer'),
    article: '10(9)①エ',
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type LostIcCardReport = z.output<typeof FormSchema>;

function clockRules(v: LostIcCardReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'lostAt', L.lostAt, v.lostAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<LostIcCardReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
