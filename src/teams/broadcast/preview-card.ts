// The sender's preview of a broadcast (cards/broadcast-preview.json) from the view the service gives:
// drawn after a compose submit, and for a draft prepared for someone to send (from a case, 12(4)⑤ /
// 12(5)②エ / 12(5)③, or a relay of a revised standard, 14(6)).
import type { PreviewView } from '../../services/broadcast-view-service';
import { buildBroadcastPreviewCard, type PreviewState } from '../cards/broadcast-preview';
import type { Locale } from '../i18n';

export function previewCard(locale: Locale, p: PreviewView, state: PreviewState) {
  return buildBroadcastPreviewCard(
    locale,
    {
      broadcast: p.broadcast,
      sender: p.sender,
      instructor: p.instructor,
      perSection: p.perSection.map((s) => ({
        name: p.sectionNames[s.sectionCode] ?? s.sectionCode,
        count: s.count,
      })),
      sectionNames: p.sectionNames,
      told: p.told.map((x) => x.name),
    },
    state,
  );
}
