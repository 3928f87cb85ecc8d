// A file a person sent to the bot in the 1:1 chat. Teams delivers it as an attachment of type
// `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a short-lived,
// pre-authenticated link (the manifest's bot entry has `supportsFiles: true`). Fetched with a size
// cap and a timeout; never followed anywhere but http(s), and over https only outside local mode.
import axios from 'axios';
import type { Attachment } from 'botbuilder';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** A directory CSV of 10,000 people is about 1.5 MB; 5 MB leaves room and refuses anything absurd. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export interface SentFile {
  name: string;
  fileType: string;
  downloadUrl: string;
}

/** The first file of the activity, if it carries one. */
export function sentFile(attachments: readonly Attachment[] | undefined): SentFile | undefined {
  for (const a of attachments ?? []) {
    if (a.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof content.downloadUrl !== 'string') continue;
    return {
      name: typeof a.name === 'string' ? a.name : '',
      fileType: typeof content.fileType === 'string' ? content.fileType.toLowerCase() : '',
      downloadUrl: content.downloadUrl,
    };
  }
  return undefined;
}

export function isCsvFile(f: SentFile): boolean {
  return f.fileType === 'csv' || /\.csv$/i.test(f.name);
}

export type DownloadOutcome =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'insecure' | 'failed' };

export async function downloadSentFile(
  f: SentFile,
  opts: { allowHttp: boolean; maxBytes?: number },
): Promise<DownloadOutcome> {
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  let url: URL;
  try {
    url = new URL(f.downloadUrl);
  } catch {
    return { ok: false, reason: 'failed' };
  }
  if (url.protocol !== 'https:' && !(opts.allowHttp && url.protocol === 'http:'))
    return { ok: false, reason: 'insecure' };
  try {
    const res = await axios.get<ArrayBuffer>(url.toString(), {
      responseType: 'arraybuffer',
      maxContentLength: maxBytes,
      maxBodyLength: maxBytes,
      maxRedirects: 3,
      timeout: TIMEOUT_MS,
      validateStatus: (s) => s === 200,
      // The link is pre-authenticated: no credentials of the bot go with it.
      withCredentials: false,
    });
    const bytes = Buffer.from(res.data);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
    return { ok: true, bytes };
  } catch (err) {
    const message = (err as Error).message ?? '';
    return { ok: false, reason: /maxContentLength/.test(message) ? 'too_large' : 'failed' };
  }
}
