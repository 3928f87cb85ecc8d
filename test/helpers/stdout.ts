import { vi } from 'vitest';

/** Collects what a CLI writes to stdout (restore with vi.restoreAllMocks()). */
export function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}
