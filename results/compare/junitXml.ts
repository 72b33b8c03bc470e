import type { RuleOutcome } from './evaluateGate.js';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML for CI dashboards: one test case per rule and candidate run, a failure per regression. */
export function junitXml(outcomes: readonly RuleOutcome[]): string {
  const failures = outcomes.filter((o) => o.failed).length;
  const cases = outcomes.map((o) => {
    const name = xml(`${o.rule.text} (${o.candidate} vs ${o.baseline})`);
    const body = o.failed ? `\n      <failure message="${xml(o.message)}" type="regression"/>\n    ` : '';
    return `    <testcase classname="hotline.compare" name="${name}">${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hotline compare" tests="${outcomes.length}" failures="${failures}">`,
    `  <testsuite name="regression gate" tests="${outcomes.length}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
