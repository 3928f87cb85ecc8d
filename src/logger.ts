import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Log ids (activity id, case id, person id), never message bodies or
 * personal data: no text typed by users, no names, no phone numbers.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'security-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['text', '*.text', 'body', '*.body', 'name', '*.name', 'phone', 'mobile'],
        remove: true,
      },
    },
    destination,
  );
}
