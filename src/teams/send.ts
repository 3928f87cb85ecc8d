import { CardFactory, type Attachment } from 'botbuilder';

export function cardAttachment(card: object): Attachment {
  return CardFactory.adaptiveCard(card);
}
