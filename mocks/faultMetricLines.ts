import { type ChannelFaults, FAULT_KINDS } from './ChannelFaults.js';

/** `hotline_faults_injected_total{channel,fault}`: every channel's injected faults (Prometheus text 0.0.4). */
export function faultMetricLines(faults: readonly ChannelFaults[]): string[] {
  const name = 'hotline_faults_injected_total';
  return [
    `# HELP ${name} Faults injected by the mocks, by channel and fault (latency: responses or frames delayed; error: refused by the error rate; outage: refused in the outage window).`,
    `# TYPE ${name} counter`,
    ...faults.flatMap((channel) =>
      FAULT_KINDS.map(
        (fault) => `${name}{channel="${channel.channel}",fault="${fault}"} ${channel.counts[fault]}`,
      ),
    ),
  ];
}
