// Manifests to run the replay in Kubernetes with the k6-operator: a ConfigMap holding the bundled
// script and its config, and a TestRun (k6.io/v1alpha1) that splits it over `parallelism` runners
// (the operator assigns the execution segments itself).

import { K6_SCRIPT_FILE } from './buildK6Bundle.js';
import type { ReplayProfile } from './compileProfile.js';
import type { AnyK6ChannelClient } from './K6ChannelClient.js';
import { K6_CLIENTS } from './k6Clients.js';
import { CONFIG_FILE_ENV } from './readReplayConfig.js';
import type { ReplayConfig } from './replayConfig.js';
import { planOf } from './replayedClients.js';

export interface K6OperatorManifests {
  'configmap.yaml': string;
  'testrun.yaml': string;
}

export interface K6OperatorOptions {
  /** Base name of the resources (a DNS label; derived from the scenario name). */
  name: string;
  bundle: string;
  config: ReplayConfig;
  /** The profile the config was made from: each channel client's plans travel beside the config. */
  profile: ReplayProfile;
  parallelism: number;
  /** Secret holding the bearer token (key `token`) when config.tokenEnv is set. */
  tokenSecret?: string;
}

export function k6OperatorManifests(options: K6OperatorOptions): K6OperatorManifests {
  const name = dnsLabel(options.name);
  const mapName = `${name}-script`;
  // A client's plans file goes in when k6's init reads it: always, or when its scenario runs.
  const files = (K6_CLIENTS as readonly AnyK6ChannelClient[]).filter(
    (client) => client.planFile.readAlways || planOf(options.profile, client) !== undefined,
  );
  const configMap = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${mapName}`,
    '  labels:',
    '    app.kubernetes.io/part-of: hotline-harness',
    'data:',
    '  config.json: |',
    indent(JSON.stringify(options.config, null, 2), 4),
    ...files.flatMap((client) => [
      `  ${client.planFile.configMapKey}: |`,
      indent(JSON.stringify(client.plans(planOf(options.profile, client))), 4),
    ]),
    `  ${K6_SCRIPT_FILE}: |`,
    indent(options.bundle, 4),
  ].join('\n');
  const env = options.config.tokenEnv
    ? [
        '    env:',
        `      - name: ${options.config.tokenEnv}`,
        '        valueFrom:',
        '          secretKeyRef:',
        `            name: ${options.tokenSecret ?? `${name}-token`}`,
        '            key: token',
      ]
    : [];
  const testRun = [
    'apiVersion: k6.io/v1alpha1',
    'kind: TestRun',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    '    app.kubernetes.io/part-of: hotline-harness',
    'spec:',
    `  parallelism: ${options.parallelism}`,
    '  script:',
    '    configMap:',
    `      name: ${mapName}`,
    `      file: ${K6_SCRIPT_FILE}`,
    `  arguments: --no-usage-report -e ${CONFIG_FILE_ENV}=/test/config.json${files
      .map((client) => ` -e ${client.planFile.env}=/test/${client.planFile.configMapKey}`)
      .join('')}`,
    '  runner:',
    '    env:',
    '      - name: K6_AUTO_EXTENSION_RESOLUTION',
    '        value: "false"',
    ...env.slice(1),
  ].join('\n');
  return { 'configmap.yaml': `${configMap}\n`, 'testrun.yaml': `${testRun}\n` };
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

export function dnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    // A cut can end on a hyphen, which a DNS label may not.
    .replace(/-+$/, '');
  return label || 'hotline-load';
}
