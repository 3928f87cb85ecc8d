// Builds the Teams app package (build/appPackage.zip: manifest.json, color.png, outline.png).
// Run: npm run package. The bot id comes from MICROSOFT_APP_ID; the manifest is validated against
// its bundled JSON schema (offline) and a package is written only when there are no errors.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

/** Bot id kept in manifest/manifest.json; replaced at build time, never valid for a real bot. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const REPO_ROOT = path.resolve(__dirname, '..');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// Fixed timestamp (1980-01-01 00:00, the DOS epoch) so the same inputs give the same package.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A minimal ZIP archive: deflated entries, one central directory, no ZIP64, no comments. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = zlib.crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: file name is UTF-8
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42); // offset of the local header

    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...locals, centralDirectory, end]);
}

export class ManifestValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`manifest.json does not match its schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ManifestValidationError';
  }
}

export interface BuildPackageOptions {
  /** The bot's Microsoft App ID; undefined uses PLACEHOLDER_BOT_ID (a package for inspection only). */
  botId?: string;
  /** Folder holding manifest.json and the icons. */
  manifestDir?: string;
  outFile?: string;
}

export interface BuiltPackage {
  outFile: string;
  botId: string;
  manifest: TeamsManifest;
}

/** The manifest with the bot id filled in (read from `manifestDir`, not changed on disk). */
export function readManifest(manifestDir: string, botId: string): TeamsManifest {
  if (!GUID.test(botId)) throw new Error(`bot id must be a GUID, got "${botId}"`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'),
  ) as TeamsManifest;
  for (const bot of manifest.bots ?? []) bot.botId = botId;
  // The bot's own app registration calls Microsoft Graph (installing the app for people who never
  // opened it, TeamsAppInstallation.ReadWriteSelfForUser.All): the manifest names the same id.
  const app = (manifest as { webApplicationInfo?: { id: string } }).webApplicationInfo;
  if (app) app.id = botId;
  return manifest;
}

export async function buildPackage(options: BuildPackageOptions = {}): Promise<BuiltPackage> {
  const manifestDir = options.manifestDir ?? __dirname;
  const outFile = options.outFile ?? path.join(REPO_ROOT, 'build', 'appPackage.zip');
  const botId = options.botId ?? PLACEHOLDER_BOT_ID;
  const manifest = readManifest(manifestDir, botId);

  // Offline: @microsoft/app-manifest bundles the schema named by `$schema`.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  if (errors.length > 0) throw new ManifestValidationError(errors);

  const entries: ZipEntry[] = PACKAGE_FILES.map((name) => ({
    name,
    data:
      name === 'manifest.json'
        ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
        : fs.readFileSync(path.join(manifestDir, name)),
  }));
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, createZip(entries));
  return { outFile, botId, manifest };
}

async function main(): Promise<void> {
  const appId = process.env.MICROSOFT_APP_ID?.trim();
  if (!appId) {
    process.stderr.write(
      `warning: MICROSOFT_APP_ID is not set; using the placeholder bot id ${PLACEHOLDER_BOT_ID}. ` +
        'The package will not reach a real bot.\n',
    );
  }
  try {
    const built = await buildPackage({ botId: appId || undefined });
    process.stdout.write(`wrote ${path.relative(process.cwd(), built.outFile)} (bot id ${built.botId})\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
