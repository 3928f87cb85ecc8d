// 連絡網の確認 (cards/directory-check.json): who cannot be reached and why, who has no phone, which
// sections have no officer or no deputy.
import { formatJst } from '../../domain/clock';
import type { DirectoryCheck } from '../../services/directory-check-service';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { group, line } from './directory-lines';
import { renderCard, type AdaptiveCardJson } from './registry';

const MAX_PER_GROUP = 30;

export function buildDirectoryCheckCard(locale: Locale, c: DirectoryCheck): AdaptiveCardJson {
  const none = t(locale, 'dirAdmin.check.none');
  const orNone = (lines: Array<ReturnType<typeof line>>) => (lines.length > 0 ? lines : [line(none)]);
  const opts = { max: MAX_PER_GROUP, moreKey: 'dirAdmin.check.more' } as const;
  const person = (p: { id: string; name: string }, section: string) =>
    t(locale, 'dirAdmin.check.person', { id: p.id, name: p.name, section });
  return renderCard('directory-check', {
    title: t(locale, 'dirAdmin.check.title'),
    intro: t(locale, 'dirAdmin.check.intro', { people: c.people, sections: c.sections }),
    basis: basis(locale, '6ウ'),
    groups: [
      group(
        locale,
        t(locale, 'dirAdmin.check.waiting.title', { n: c.waiting.length }),
        orNone(
          c.waiting.map((w) =>
            line(
              t(locale, 'dirAdmin.check.waiting.line', {
                section: w.sectionName ?? w.person?.sectionCode ?? '-',
                name: w.person?.name ?? t(locale, 'dirAdmin.check.unknownPerson'),
                phone: w.person?.phone || none,
                mobile: w.person?.mobile || none,
                count: w.waiting,
                since: formatJst(new Date(w.since)),
              }),
              'Attention',
            ),
          ),
        ),
        { ...opts, note: c.waiting.length > 0 ? t(locale, 'dirAdmin.check.waiting.note') : '' },
      ),
      group(
        locale,
        t(locale, 'dirAdmin.check.noConversation.title', { n: c.noConversation.length }),
        orNone(
          c.noConversation.map((p) =>
            line(
              person(p, c.sectionNames[p.sectionCode] ?? p.sectionCode),
              c.canCreateConversations ? 'Default' : 'Attention',
            ),
          ),
        ),
        {
          ...opts,
          note:
            c.noConversation.length === 0
              ? ''
              : t(
                  locale,
                  c.canCreateConversations
                    ? 'dirAdmin.check.noConversation.canCreate'
                    : 'dirAdmin.check.noConversation.cannotCreate',
                ),
        },
      ),
      group(
        locale,
        t(locale, 'dirAdmin.check.noPhone.title', { n: c.noPhone.length }),
        orNone(
          c.noPhone.map((p) => line(person(p, c.sectionNames[p.sectionCode] ?? p.sectionCode), 'Warning')),
        ),
        { ...opts, note: c.noPhone.length > 0 ? t(locale, 'dirAdmin.check.noPhone.note') : '' },
      ),
      group(
        locale,
        t(locale, 'dirAdmin.check.noOfficer.title', { n: c.noOfficer.length }),
        orNone(
          c.noOfficer.map((s) =>
            line(t(locale, 'dirAdmin.check.section', { code: s.code, name: s.name }), 'Attention'),
          ),
        ),
        opts,
      ),
      group(
        locale,
        t(locale, 'dirAdmin.check.noDeputy.title', { n: c.noDeputy.length }),
        orNone(
          c.noDeputy.map((s) =>
            line(t(locale, 'dirAdmin.check.section', { code: s.code, name: s.name }), 'Warning'),
          ),
        ),
        { ...opts, note: c.noDeputy.length > 0 ? t(locale, 'dirAdmin.check.noDeputy.note') : '' },
      ),
    ],
    menuLabel: t(locale, 'dirAdmin.menu'),
  });
}
