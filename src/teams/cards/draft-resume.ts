// An unfinished draft offered again (cards/draft-resume.json).
import { formatJst } from '../../domain/clock';
import { t, type Locale } from '../i18n';
import { guidanceLines } from './lines';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { FlowCardSource, UrgentLine } from './types';

/** 「書きかけの…があります」 with resume / discard, and the flow's urgent guidance again. */
export function buildDraftResumeCard(
  locale: Locale,
  flow: Pick<FlowCardSource, 'kind' | 'title' | 'guidance'>,
  savedAt: Date,
  opts: { contact?: UrgentLine } = {},
): AdaptiveCardJson {
  const title = t(locale, flow.title);
  return renderCard('draft-resume', {
    title,
    kind: flow.kind,
    message: t(locale, 'draft.message', { title, savedAt: formatJst(savedAt) }),
    guidanceHeading: t(locale, 'form.guidanceHeading'),
    guidance: guidanceLines(locale, flow.guidance, opts.contact),
    resumeLabel: t(locale, 'draft.resume'),
    discardLabel: t(locale, 'draft.discard'),
  });
}
