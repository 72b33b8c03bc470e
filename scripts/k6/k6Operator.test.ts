import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { chatSessionEntries } from './chat/chatReplayConfig.js';
import { compileProfile } from './compileProfile.js';
import { dnsLabel, k6OperatorManifests } from './k6Operator.js';
import { replayConfig } from './replayConfig.js';

describe('k6OperatorManifests', () => {
  it('a TestRun with the parallelism and a ConfigMap holding the bundle and its config', () => {
    const scenario = loadScenarioFile('scenarios/stationary-mmc.json');
    const profile = compileProfile(scenario, { day: 0, from: '00:00', to: '01:00' }, 60);
    const config = replayConfig(profile, 'https://acd.example.org', 'ACD_TOKEN', 'r');
    const m = k6OperatorManifests({
      name: 'hotline-stationary-mmc',
      bundle: 'export default function () {}\n',
      config,
      profile,
      parallelism: 4,
    });
    expect(m['testrun.yaml']).toContain('apiVersion: k6.io/v1alpha1\nkind: TestRun');
    expect(m['testrun.yaml']).toContain('  parallelism: 4\n');
    expect(m['testrun.yaml']).toContain('      name: hotline-stationary-mmc-script\n      file: replay.js');
    expect(m['testrun.yaml']).toContain('      - name: ACD_TOKEN\n        valueFrom:');
    expect(m['configmap.yaml']).toContain('kind: ConfigMap');
    expect(m['configmap.yaml']).toContain('  replay.js: |\n    export default function () {}');
    expect(m['configmap.yaml']).toContain('    "target": "https://acd.example.org"');
    // The callers (Poisson schedule and draws) travel beside the config, and the runners are told where.
    expect(m['configmap.yaml']).toContain(
      `  callers.json: |\n    [{"t":${profile.channels.phone!.offsetsMs[0]},`,
    );
    expect(m['testrun.yaml']).toContain('-e HOTLINE_K6_CALLERS_FILE=/test/callers.json');
    expect(m['configmap.yaml']).not.toContain('chat.json');
    expect(m['testrun.yaml']).not.toContain('HOTLINE_K6_CHAT_FILE');
    expect(dnsLabel('Line 122 (Berlin)')).toBe('line-122-berlin');
    // Cut at 50 characters right after a hyphen: a DNS label may not end with one.
    const long = `${'a'.repeat(49)} tail`;
    expect(dnsLabel(long)).toBe('a'.repeat(49));
    expect(dnsLabel(long)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('with chat, the chat sessions travel beside the callers and the runners are told where', () => {
    const scenario = loadScenarioFile('scenarios/ecosystem.json');
    const profile = compileProfile(scenario, { day: 0, from: '09:00', to: '10:00' }, 60);
    const config = replayConfig(profile, 'https://acd.example.org', null, 'r');
    expect(config.channels.chat).toBeDefined();
    const chatSessions = chatSessionEntries(profile.channels.chat);
    const m = k6OperatorManifests({
      name: 'eco',
      bundle: 'export default function () {}\n',
      config,
      profile,
      parallelism: 2,
    });
    expect(m['configmap.yaml']).toContain(`  chat.json: |\n    ${JSON.stringify(chatSessions)}\n`);
    expect(m['configmap.yaml']).toContain('  callers.json: |');
    expect(m['testrun.yaml']).toContain(
      '-e HOTLINE_K6_CALLERS_FILE=/test/callers.json -e HOTLINE_K6_CHAT_FILE=/test/chat.json',
    );
  });
});
