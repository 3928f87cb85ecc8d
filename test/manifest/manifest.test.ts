import { t } from '../../src/i18n';
import { detectIntent } from '../../src/domain/intent-rules';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppManifestUtils, type TeamsManifestLatest } from '@microsoft/app-manifest';
import {
  buildPackage,
  createZip,
  ManifestValidationError,
  PACKAGE_FILES,
  PLACEHOLDER_BOT_ID,
} from '../../manifest/build-package';
import { encodePng } from '../../manifest/make-icons';

const MANIFEST_DIR = path.join(__dirname, '..', '..', 'manifest');
const manifest = JSON.parse(
  fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'),
) as TeamsManifestLatest;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: Buffer): { width: number; height: number; colourType: number } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), colourType: file[25] ?? -1 };
}

/** RGBA pixels of a PNG written by make-icons (8-bit RGBA, filter 0 on every row). */
function decodeOwnPng(file: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height } = pngSize(file);
  const idat: Buffer[] = [];
  for (let pos = 8; pos < file.length;) {
    const length = file.readUInt32BE(pos);
    const type = file.toString('ascii', pos + 4, pos + 8);
    const data = file.subarray(pos + 8, pos + 8 + length);
    expect(file.readUInt32BE(pos + 8 + length), `CRC of ${type}`).toBe(
      zlib.crc32(file.subarray(pos + 4, pos + 8 + length)),
    );
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    expect(raw[row]).toBe(0);
    raw.copy(rgba, y * width * 4, row + 1, row + 1 + width * 4);
  }
  return { width, height, rgba };
}

/** Reads a ZIP through its central directory, checking each entry's local header and CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endAt).toBeGreaterThan(-1);
  const count = zip.readUInt16LE(endAt + 10);
  let pos = zip.readUInt32LE(endAt + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(pos)).toBe(0x02014b50);
    const method = zip.readUInt16LE(pos + 10);
    const crc = zip.readUInt32LE(pos + 16);
    const compressedSize = zip.readUInt32LE(pos + 20);
    const size = zip.readUInt32LE(pos + 24);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const localAt = zip.readUInt32LE(pos + 42);
    const name = zip.toString('utf8', pos + 46, pos + 46 + nameLength);

    expect(zip.readUInt32LE(localAt)).toBe(0x04034b50);
    expect(zip.toString('utf8', localAt + 30, localAt + 30 + zip.readUInt16LE(localAt + 26))).toBe(name);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    expect(method).toBe(8);
    const data = zlib.inflateRawSync(zip.subarray(dataAt, dataAt + compressedSize));
    expect(data.length).toBe(size);
    expect(zlib.crc32(data), `CRC of ${name}`).toBe(crc);
    files.set(name, data);
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe('manifest.json', () => {
  it('validates offline against the schema it names', async () => {
    expect(manifest.$schema).toMatch(
      /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v[\d.]+\/MicrosoftTeams\.schema\.json$/,
    );
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('reports schema errors for a broken manifest', async () => {
    const broken = { ...manifest, name: { short: 'x'.repeat(31) } } as TeamsManifestLatest;
    expect((await AppManifestUtils.validateAgainstSchema(broken)).length).toBeGreaterThan(0);
  });

  it('names the desk and its developer in Japanese', () => {
    expect(manifest.name.short).toBe('情報セキュリティ窓口');
    expect(manifest.developer.name).toBe('大阪広域環境施設組合');
    expect(manifest.description.short).toMatch(JAPANESE);
    expect(manifest.description.full).toMatch(JAPANESE);
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('ja-jp');
  });

  it('declares one bot for personal, team and group chat, receiving files (the IT管理者 sends the directory CSV)', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots?.[0];
    expect(bot?.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.supportsFiles).toBe(true);
    expect(manifest.validDomains).toEqual([]);
  });

  it('names the bot registration as the app calling Microsoft Graph (installing it for people who never opened it)', () => {
    // TeamsAppInstallation.ReadWriteSelfForUser.All is consented for this app registration.
    expect(manifest.webApplicationInfo?.id).toBe(PLACEHOLDER_BOT_ID);
  });

  it('offers the Japanese personal commands', () => {
    const list = manifest.bots?.[0]?.commandLists?.find((l) => l.scopes.includes('personal'));
    const commands = list?.commands ?? [];
    expect(commands.map((c) => c.title)).toEqual([
      'ヘルプ',
      'ICカード紛失',
      'ウイルス検知',
      'メール誤送信',
      '持ち出し申請',
      '私の申請・報告',
      '担当案件',
      '不在設定',
      '連絡不可一覧',
    ]);
    for (const command of commands) {
      // A command is sent as its title: the bot must recognise every one exactly.
      const found = detectIntent(command.title);
      expect(found?.confidence, command.title).toBe('exact');
      // One name per flow everywhere: the command is titled as the menu button and the case are.
      expect(command.title).toBe(t('ja', `intent.${found!.intent}`));
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description).toMatch(JAPANESE);
    }
  });
});

describe('icons', () => {
  it.each([
    ['color.png', 192],
    ['outline.png', 32],
  ] as const)('%s is %i×%i RGBA', (file, size) => {
    const png = fs.readFileSync(path.join(MANIFEST_DIR, file));
    expect(pngSize(png)).toEqual({ width: size, height: size, colourType: 6 });
    expect(decodeOwnPng(png).rgba.length).toBe(size * size * 4);
  });

  it('outline.png is white on transparent', () => {
    const { rgba } = decodeOwnPng(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const alpha = rgba[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      else {
        opaque++;
        expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(opaque);
  });

  it('color.png is fully opaque', () => {
    const { rgba } = decodeOwnPng(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    for (let i = 3; i < rgba.length; i += 4) expect(rgba[i]).toBe(255);
  });

  it('encodes PNGs that round-trip', () => {
    const pixels = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    const decoded = decodeOwnPng(encodePng(2, 2, pixels));
    expect(decoded).toEqual({ width: 2, height: 2, rgba: pixels });
  });
});

describe('app package', () => {
  it('zips entries that unzip to the same bytes', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('情報セキュリティ'.repeat(50)) },
      { name: 'empty', data: Buffer.alloc(0) },
    ];
    const files = readZip(createZip(entries));
    expect([...files.keys()]).toEqual(['a.txt', 'empty']);
    expect(files.get('a.txt')).toEqual(entries[0]?.data);
    expect(files.get('empty')?.length).toBe(0);
  });

  it('contains exactly the manifest with the bot id and the two icons', async () => {
    const botId = '11111111-2222-3333-4444-555555555555';
    const outFile = path.join(tmp, 'appPackage.zip');
    const built = await buildPackage({ botId, outFile });
    expect(built.outFile).toBe(outFile);

    const files = readZip(fs.readFileSync(outFile));
    expect([...files.keys()].sort()).toEqual([...PACKAGE_FILES].sort());
    const packaged = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '') as TeamsManifestLatest;
    expect(packaged.bots?.[0]?.botId).toBe(botId);
    expect(packaged.webApplicationInfo?.id).toBe(botId);
    expect(packaged.id).toBe(manifest.id);
    expect(await AppManifestUtils.validateAgainstSchema(packaged)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(files.get(icon)).toEqual(fs.readFileSync(path.join(MANIFEST_DIR, icon)));
    }
  });

  it('uses the placeholder bot id when none is given', async () => {
    const built = await buildPackage({ outFile: path.join(tmp, 'placeholder.zip') });
    expect(built.botId).toBe(PLACEHOLDER_BOT_ID);
  });

  it('refuses a bot id that is not a GUID', async () => {
    await expect(buildPackage({ botId: 'not-a-guid', outFile: path.join(tmp, 'bad.zip') })).rejects.toThrow(
      /GUID/,
    );
    expect(fs.existsSync(path.join(tmp, 'bad.zip'))).toBe(false);
  });

  it('refuses to package an invalid manifest', async () => {
    const dir = path.join(tmp, 'invalid');
    fs.mkdirSync(dir);
    for (const file of PACKAGE_FILES) fs.copyFileSync(path.join(MANIFEST_DIR, file), path.join(dir, file));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, accentColor: 'navy' }));
    const outFile = path.join(tmp, 'invalid.zip');
    await expect(buildPackage({ manifestDir: dir, outFile })).rejects.toBeInstanceOf(ManifestValidationError);
    expect(fs.existsSync(outFile)).toBe(false);
  });
});
