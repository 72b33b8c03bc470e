import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildK6Bundle, replayEntry } from './buildK6Bundle.js';
import { K6_CLIENTS } from './k6Clients.js';

describe('the k6 bundle', () => {
  it("exports every client's scenario function under its channel's name, and the options", () => {
    const entry = replayEntry([
      { channel: 'phone', script: 'phone/phoneReplay.ts' },
      { channel: 'email', script: 'email/emailReplay.ts' },
    ]);
    expect(entry).toContain("import { k6Script as c1 } from './email/emailReplay.ts';");
    expect(entry).toContain('export const email = c1.scenario(config.channels.email, config, token);');
    expect(entry).toContain('export const options = k6Options(config, [c0, c1]);');
  });

  it('bundles every client, k6-safe: k6 modules external, no Node module, not the metric registry', async () => {
    const { text } = await buildK6Bundle(mkdtempSync(join(tmpdir(), 'hotline-bundle-')));
    const exported = /export \{([^}]*)\};?\s*$/
      .exec(text)![1]!
      .split(',')
      .map((name) => name.trim());
    expect(exported.sort()).toEqual(['options', ...K6_CLIENTS.map((client) => client.channel)].sort());
    expect(text).toMatch(/from "k6\/http"/);
    expect(text).not.toMatch(/from "node:|require\("node:|from "fs"|from "path"/);
    expect(text).not.toContain('metricRegistry');
  });
});
