import { CardFactory, type Attachment } from 'botbuilder';
import { assertCardFits } from './card-size';

/** A card as a message attachment; throws (CardTooLargeError) rather than send what Teams refuses. */
export function cardAttachment(card: object): Attachment {
  assertCardFits(card);
  return CardFactory.adaptiveCard(card);
}
