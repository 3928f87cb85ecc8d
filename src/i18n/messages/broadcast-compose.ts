// Broadcasts (issue 8): composing, previewing and sending; the recipient's card and answers; the
// notice to 統括; correcting and recalling. Citations are rendered by teams/citation.ts, never here.
import type { MessageTable } from '../table';

export const BROADCAST_COMPOSE_MESSAGES = {
  'intent.broadcast': { ja: '一斉通知', en: 'Broadcast' },

  // --- who may compose ---
  'bcompose.denied': {
    ja: '一斉通知を送信できるのは、IT管理者、統括情報セキュリティ責任者、課情報セキュリティ責任者（自分の課あて）です。',
    en: 'Broadcasts can be sent by IT administrators, the chief security officer and section security officers (to their own sections).',
  },

  // --- the compose card ---
  'bcompose.title': { ja: '一斉通知の作成', en: 'Compose a broadcast' },
  'bcompose.intro': {
    ja: '入力のたびに下書きを保存します。次の画面で、受信者に届くカードをそのまま確認してから送信します。',
    en: 'The draft is saved each time. On the next screen you see the card exactly as recipients will, before you send it.',
  },
  'bcompose.draftNote': { ja: '下書きを保存しました（{savedAt}）。', en: 'Draft saved ({savedAt}).' },
  'bcompose.formError': {
    ja: '入力内容を確認してください。',
    en: 'Please check what you entered.',
  },
  'bcompose.field.purpose': { ja: '目的', en: 'Purpose' },
  'bcompose.field.mode': { ja: '訓練・本番', en: 'Drill or real' },
  'bcompose.field.severity': { ja: '重要度', en: 'Severity' },
  'bcompose.field.title': { ja: '件名', en: 'Title' },
  'bcompose.field.body': { ja: '本文', en: 'Message' },
  'bcompose.field.audience': { ja: '送信先', en: 'Audience' },
  'bcompose.field.sections': { ja: '課（複数選択可）', en: 'Sections (several allowed)' },
  'bcompose.field.includeSub': { ja: '下位の課を含む', en: 'Include sub-sections' },
  'bcompose.field.answerKind': { ja: '回答', en: 'Answer' },
  'bcompose.field.choice': { ja: '選択肢{n}', en: 'Choice {n}' },
  'bcompose.field.report': {
    ja: '選択肢{n}を選んだ人に開始する報告',
    en: 'Report started for those who choose {n}',
  },
  'bcompose.field.remind': { ja: '未回答者への再通知', en: 'Reminder to non-responders' },
  'bcompose.field.instructedBy': { ja: '指示者（統括）', en: 'Instructed by (chief officer)' },
  'bcompose.help.instructedBy': {
    ja: '本番で全職員に送るときは必須です。',
    en: 'Required for a real broadcast to all staff.',
  },
  'bcompose.help.audience': {
    ja: '「課情報セキュリティ責任者のみ」で課を選ぶと、その課の責任者にだけ送ります。',
    en: '"Section officers only" with sections chosen reaches the officers of those sections only.',
  },
  'bcompose.help.choices': {
    ja: '質問のときは選択肢を2〜4個入力します。選ぶと報告フォームが開く選択肢も作れます（例: 不審なメールを開いた → ウイルス検知）。',
    en: 'For a question, enter 2–4 choices. A choice can open a report form (e.g. "I opened the suspicious mail" → Virus detected).',
  },
  'bcompose.help.remind': {
    ja: '既定: 緊急 15分後、重要 60分後、通知 なし。',
    en: 'Default: urgent after 15 minutes, important after 60, notice none.',
  },
  'bcompose.mode.drill': { ja: '訓練', en: 'Drill' },
  'bcompose.mode.real': { ja: '本番', en: 'Real' },
  'bcompose.severity.emergency': { ja: '緊急', en: 'Urgent' },
  'bcompose.severity.important': { ja: '重要', en: 'Important' },
  'bcompose.severity.notice': { ja: '通知', en: 'Notice' },
  'bcompose.audience.everyone': { ja: '全職員', en: 'All staff' },
  'bcompose.audience.sections': { ja: '選んだ課の職員', en: 'Staff of the chosen sections' },
  'bcompose.audience.officers': {
    ja: '課情報セキュリティ責任者のみ',
    en: 'Section security officers only',
  },
  'bcompose.answer.none': { ja: '回答不要', en: 'No answer' },
  'bcompose.answer.ack': { ja: '「確認しました」ボタン', en: '"Acknowledged" button' },
  'bcompose.answer.choice': { ja: '質問（選択肢 2〜4）', en: 'Question (2–4 choices)' },
  'bcompose.report.none': { ja: '報告を開始しない', en: 'No report' },
  'bcompose.remind.default': { ja: '重要度に応じた既定', en: 'Default for the severity' },
  'bcompose.remind.none': { ja: '自動の再通知なし', en: 'No automatic reminder' },
  'bcompose.remind.minutes': { ja: '{minutes}分後', en: 'After {minutes} minutes' },
  'bcompose.purposeOption': { ja: '{label}（{basis}）', en: '{label} ({basis})' },
  'bcompose.purpose.contact_tree': {
    ja: '緊急連絡網の運用・訓練',
    en: 'Running the emergency contact tree, drills',
  },
  'bcompose.purpose.cyber_emergency': {
    ja: 'サイバー攻撃等の緊急時の全職員への周知',
    en: 'Informing all staff in a cyber-attack emergency',
  },
  'bcompose.purpose.officer_alert': {
    ja: 'システムに影響しうる事案の課情報セキュリティ責任者への周知',
    en: 'Informing the section officers of a case that may affect the systems',
  },
  'bcompose.purpose.revision_officers': {
    ja: '対策基準の改定の課情報セキュリティ責任者への周知',
    en: 'Informing the section officers of a revised standard',
  },
  'bcompose.purpose.revision_staff': {
    ja: '対策基準の改定の自課職員への周知',
    en: 'Informing your staff of a revised standard',
  },
  'bcompose.purpose.recurrence': {
    ja: '障害・事故等の対処方法の自課職員への周知',
    en: 'Informing your staff how to respond after a failure or breach',
  },
  'bcompose.purpose.awareness': {
    ja: '情報セキュリティポリシーの自課職員への周知',
    en: 'Making the security policy known to your staff',
  },
  'bcompose.purpose.general': { ja: 'その他のお知らせ', en: 'Other notice' },
  'bcompose.review': { ja: '確認へ進む', en: 'Review' },
  'bcompose.discard': { ja: '下書きを破棄', en: 'Discard draft' },

  // --- field errors ---
  'bcompose.error.tooLong': {
    ja: '「{label}」は{max}文字以内で入力してください。',
    en: '"{label}" can have at most {max} characters.',
  },
  'bcompose.error.purpose': { ja: '目的を選んでください。', en: 'Please choose the purpose.' },
  'bcompose.error.sections': {
    ja: '送信先の課を1つ以上選んでください。',
    en: 'Please choose at least one section.',
  },
  'bcompose.error.sectionNotReachable': {
    ja: 'あなたが送信できない課が含まれています。',
    en: 'This includes a section you cannot send to.',
  },
  'bcompose.error.audience': { ja: 'この送信先は選べません。', en: 'You cannot choose this audience.' },
  'bcompose.error.choiceCount': {
    ja: '選択肢を{min}〜{max}個入力してください。',
    en: 'Please enter {min} to {max} choices.',
  },
  'bcompose.error.choiceTooLong': {
    ja: '選択肢は{max}文字以内で入力してください。',
    en: 'A choice can have at most {max} characters.',
  },
  'bcompose.error.choiceDuplicate': {
    ja: '同じ選択肢が複数あります。',
    en: 'Two choices are the same.',
  },
  'bcompose.error.instructor': {
    ja: '指示者には一覧の統括情報セキュリティ責任者を選んでください。',
    en: 'Please choose the instructing chief officer from the list.',
  },
  'bcompose.newDraft': {
    ja: 'もとの下書きは送信済みか破棄済みのため、入力内容を新しい下書きとして保存しました。',
    en: 'The earlier draft was sent or discarded: what you entered is saved as a new draft.',
  },
  'bcompose.error.stale': {
    ja: 'この下書きはほかの画面で変更されたか、送信済みです。最新の内容を表示します。',
    en: 'This draft was changed elsewhere or already sent. Showing the latest.',
  },

  // --- refusals of maySendBroadcast, in the sender's words ---
  'bcompose.refusal.unknown_sender': {
    ja: '緊急連絡網に登録されていないため送信できません。',
    en: 'You are not in the contact directory and cannot send.',
  },
  'bcompose.refusal.not_a_sender': {
    ja: '一斉通知を送信する権限がありません。',
    en: 'You may not send broadcasts.',
  },
  'bcompose.refusal.purpose_not_for_role': {
    ja: 'この目的の通知は、あなたの役割では送信できません。',
    en: 'Your role cannot send a broadcast for this purpose.',
  },
  'bcompose.refusal.audience_not_for_purpose': {
    ja: 'この目的の通知は、この送信先には送れません（送信先: {audience}）。',
    en: 'A broadcast for this purpose cannot go to this audience (it goes to: {audience}).',
  },
  'bcompose.refusal.not_own_section': {
    ja: '課情報セキュリティ責任者は、自分が責任者である課にのみ送信できます。',
    en: 'A section officer can send only to the sections they are the officer of.',
  },
  'bcompose.refusal.no_sections': {
    ja: '送信先の課がありません。',
    en: 'There is no section to send to.',
  },
  'bcompose.refusal.instruction_required': {
    ja: '本番で全職員に送るときは、指示者（統括情報セキュリティ責任者）を選んでください。',
    en: 'A real broadcast to all staff names the chief security officer who instructed it.',
  },
  'bcompose.refusal.instructor_not_chief': {
    ja: '指示者には統括情報セキュリティ責任者を選んでください。',
    en: 'The instructing person must be the chief security officer.',
  },
  'bcompose.refusal.purpose_audience.all_staff': { ja: '全職員', en: 'all staff' },
  'bcompose.refusal.purpose_audience.officers': {
    ja: '課情報セキュリティ責任者',
    en: 'section security officers',
  },
  'bcompose.refusal.purpose_audience.own_sections': {
    ja: '自分が責任者である課の職員',
    en: 'the staff of your own sections',
  },
  'bcompose.refusal.purpose_audience.any': { ja: '任意', en: 'any' },
  'bcompose.refused': { ja: '送信できません: {reason}', en: 'Cannot send: {reason}' },

  // --- resume a draft ---
  'bcompose.resume.text': {
    ja: '書きかけの一斉通知があります（保存: {savedAt}）。続きから入力するか、破棄してください。',
    en: 'You have an unfinished broadcast (saved {savedAt}). Continue it or discard it.',
  },
  'bcompose.resume.continue': { ja: '続きから', en: 'Continue' },
  'bcompose.resume.discard': { ja: '破棄', en: 'Discard' },
  'bcompose.discarded': { ja: '一斉通知の下書きを破棄しました。', en: 'The broadcast draft was discarded.' },
  'bcompose.noDraft': {
    ja: 'この下書きはもうありません（送信済みか破棄済みです）。',
    en: 'This draft no longer exists (sent or discarded).',
  },

  // --- the preview ---
  'bcompose.preview.title': { ja: '送信前の確認', en: 'Check before sending' },
  'bcompose.preview.intro': {
    ja: '受信者には次のカードが届きます（この確認画面のボタンは押しても何も起きません）。',
    en: 'Recipients get this card (its buttons do nothing on this preview).',
  },
  'bcompose.preview.audienceHeading': {
    ja: '送信先: {audience}（{count}名）',
    en: 'Audience: {audience} ({count} people)',
  },
  'bcompose.preview.sectionsChosen': {
    ja: '{sections}{sub}',
    en: '{sections}{sub}',
  },
  'bcompose.preview.officersOf': { ja: '{officers}（{sections}）', en: '{officers} ({sections})' },
  'bcompose.preview.withSub': { ja: '（下位の課を含む）', en: ' (with sub-sections)' },
  'bcompose.preview.sectionLine': { ja: '{section}: {count}名', en: '{section}: {count}' },
  'bcompose.preview.told': {
    ja: '送信と同時に {names} に知らせます。',
    en: '{names} will be told at once.',
  },
  'bcompose.preview.remind': {
    ja: '未回答者には {minutes}分後に自動で再通知します。',
    en: 'Non-responders are reminded automatically after {minutes} minutes.',
  },
  'bcompose.preview.noRemind': { ja: '自動の再通知はしません。', en: 'No automatic reminder.' },
  'bcompose.preview.send': { ja: '送信', en: 'Send' },
  'bcompose.preview.sendReal': { ja: '本番として送信', en: 'Send as real' },
  'bcompose.preview.edit': { ja: '修正', en: 'Edit' },
  'bcompose.preview.nobody': {
    ja: '送信先に該当する職員がいません。',
    en: 'Nobody is in this audience.',
  },
  'bcompose.sent': {
    ja: '送信しました（{id}、{count}名）。配信と回答の状況は別のカードでお知らせします。',
    en: 'Sent ({id}, {count} people). Delivery and answers are shown on a separate card.',
  },
  'bcompose.alreadySent': {
    ja: 'この通知は送信済みです（{id}）。',
    en: 'This broadcast was already sent ({id}).',
  },

  // --- the recipient's card ---
  'bcard.banner.drill': { ja: '【訓練】これは訓練の通知です。', en: '[DRILL] This is a drill.' },
  'bcard.banner.real': { ja: '【本番】これは訓練ではありません。', en: '[REAL] This is not a drill.' },
  'bcard.titleDrill': { ja: '【訓練】{title}', en: '[DRILL] {title}' },
  'bcard.fact.id': { ja: '通知番号', en: 'Broadcast' },
  'bcard.fact.severity': { ja: '重要度', en: 'Severity' },
  'bcard.fact.mode': { ja: '区分', en: 'Kind' },
  'bcard.fact.sender': { ja: '送信者', en: 'From' },
  'bcard.fact.instructedBy': { ja: '指示者', en: 'Instructed by' },
  'bcard.fact.sentAt': { ja: '送信日時', en: 'Sent' },
  'bcard.personValue': { ja: '{name}（{section}）', en: '{name} ({section})' },
  'bcard.notSentYet': { ja: '（送信時に記入）', en: '(set when sent)' },
  'bcard.revision': { ja: '訂正（第{revision}版, {time}）', en: 'Corrected (version {revision}, {time})' },
  'bcard.recalled': {
    ja: 'この通知は取り消されました（{time}）。',
    en: 'This broadcast was recalled ({time}).',
  },
  'bcard.reminder': {
    ja: '再通知（{n}回目）: まだ回答がありません。回答してください。',
    en: 'Reminder ({n}): you have not answered yet. Please answer.',
  },
  'bcard.answerPrompt': { ja: '回答してください。', en: 'Please answer.' },
  'bcard.yourAnswer': { ja: 'あなたの回答: {answer}（{time}）', en: 'Your answer: {answer} ({time})' },
  'bcard.changeAnswer': {
    ja: '回答を変更するときは、もう一度選んでください。',
    en: 'To change your answer, choose again.',
  },
  'bcard.ack': { ja: '確認しました', en: 'Acknowledged' },
  'bcard.unavailable': { ja: 'この通知は表示できません。', en: 'This broadcast cannot be shown.' },
  'bcard.refused.recalled': {
    ja: 'この通知は取り消されたため、回答できません。',
    en: 'This broadcast was recalled; it cannot be answered.',
  },
  'bcard.refused.invalid': { ja: 'この回答は選べません。', en: 'This answer cannot be chosen.' },
  'bcard.reportStart': {
    ja: '一斉通知 {id} への回答から「{flow}」の報告を始めます。',
    en: 'Starting a "{flow}" report from your answer to broadcast {id}.',
  },

  // --- 統括 told of a real broadcast to all staff ---
  'bnotice.chief.title': {
    ja: '本番の一斉通知が全職員に送信されました',
    en: 'A real broadcast went to all staff',
  },
  'bnotice.chief.byInstruction': {
    ja: '{sender} が {instructor} の指示により、全職員（{count}名、{sections}課）に本番の一斉通知 {id} を送信しました。',
    en: '{sender} sent real broadcast {id} to all staff ({count} people, {sections} sections) on the instruction of {instructor}.',
  },
  'bnotice.chief.byYourInstruction': {
    ja: '{sender} が あなたの指示により、全職員（{count}名、{sections}課）に本番の一斉通知 {id} を送信しました。',
    en: '{sender} sent real broadcast {id} to all staff ({count} people, {sections} sections) on your instruction.',
  },
  'bnotice.chief.byChief': {
    ja: '{sender}（統括情報セキュリティ責任者）が、全職員（{count}名、{sections}課）に本番の一斉通知 {id} を送信しました。',
    en: '{sender} (chief security officer) sent real broadcast {id} to all staff ({count} people, {sections} sections).',
  },
  'bnotice.chief.subject': { ja: '件名', en: 'Title' },

  // --- correct, recall ---
  'bmanage.correct': { ja: '訂正', en: 'Correct' },
  'bmanage.recall': { ja: '取消', en: 'Recall' },
  'bmanage.denied': {
    ja: 'この通知を訂正・取消できるのは、送信者、統括情報セキュリティ責任者、IT管理者です。',
    en: 'Only the sender, the chief security officer and IT administrators can correct or recall this broadcast.',
  },
  'bmanage.recalledAlready': {
    ja: 'この通知は取り消し済みです。',
    en: 'This broadcast was already recalled.',
  },
  'bmanage.stale': {
    ja: 'ほかの方が先に変更しました。最新の内容でもう一度操作してください。',
    en: 'Someone changed it first. Please try again with the latest version.',
  },
  'bmanage.correct.title': { ja: '一斉通知の訂正（{id}）', en: 'Correct broadcast {id}' },
  'bmanage.correct.intro': {
    ja: '件名と本文を訂正すると、配信済みのカードもすべてその場で書き換わり、「訂正」と表示されます。',
    en: 'A correction rewrites every delivered card in place, marked as corrected.',
  },
  'bmanage.correct.submit': { ja: '訂正する', en: 'Correct' },
  'bmanage.correct.done': {
    ja: '訂正しました（第{revision}版）。配信済みの {count} 件を書き換えます。',
    en: 'Corrected (version {revision}). {count} delivered cards are being rewritten.',
  },
  'bmanage.correct.opened': { ja: '訂正フォームを送りました。', en: 'The correction form was sent.' },
  'bmanage.recall.title': { ja: '一斉通知の取消（{id}）', en: 'Recall broadcast {id}' },
  'bmanage.recall.text': {
    ja: '次の通知を取り消しますか？配信済みのカードは「取り消されました」に書き換わり、未配信の分は送信しません。',
    en: 'Recall this broadcast? Delivered cards are rewritten to say so; undelivered ones are not sent.',
  },
  'bmanage.delivered': { ja: '配信済み', en: 'Delivered' },
  'bmanage.recall.confirm': { ja: '取り消す', en: 'Recall' },
  'bmanage.recall.done': {
    ja: '取り消しました。配信済み {updated} 件を書き換え、未配信 {cancelled} 件の送信を止めました。',
    en: 'Recalled. {updated} delivered cards are being rewritten; {cancelled} undelivered were stopped.',
  },
  'bmanage.recall.opened': { ja: '取消の確認を送りました。', en: 'The recall confirmation was sent.' },

  // --- a case started from an answer ---
  'bcompose.caseOrigin.label': { ja: 'きっかけ', en: 'Started from' },
  'bcompose.caseOrigin.value': {
    ja: '一斉通知 {id} への回答から',
    en: 'An answer to broadcast {id}',
  },
} as const satisfies MessageTable;
