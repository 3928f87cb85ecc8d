// People change (人事異動・退職) drives duties, and contracts with contractors end (12(1)③ケ).
import type { MessageTable } from '../table';

export const PEOPLE_CHANGE_MESSAGES = {
  'peopleChange.dutiesOpened': {
    ja: '異動・退職に伴う業務を {n} 件開始しました（端末等の返却、ID・権限の見直し、ICカード）。',
    en: 'Opened {n} duties for people moved or removed (devices returned, IDs and rights revised, IC cards).',
  },
} satisfies MessageTable;
