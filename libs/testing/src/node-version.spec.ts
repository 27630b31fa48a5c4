/**
 * `npm test` runs on Node 24 (scripts/on-node-24.mjs puts it first on PATH when the machine's
 * Node is older); `.ci/run` runs the suite a second time on the machine's own Node with
 * OEFENKANSEN_NODE=system. This checks that each run is on the Node it claims, so a broken
 * switch cannot leave every run on the old Node unnoticed.
 */
import { execFileSync } from 'node:child_process';

const major = (version: string): number => Number(version.replace(/^v/, '').split('.')[0]);
/** `npm test` and `npm run test:unit` go through on-node-24.mjs; a bare `npx jest` runs on the first `node` on PATH. */
const throughOnNode24 = ['test:this-node', 'test:unit'].includes(process.env.npm_lifecycle_event ?? '');

describe('the Node the suite runs on', () => {
  it('is Node 24 or newer under npm test, unless the machine Node was asked for', () => {
    if (process.env.OEFENKANSEN_NODE === 'system' || !throughOnNode24) {
      expect(major(process.version)).toBeGreaterThanOrEqual(20);
    } else {
      expect(major(process.version)).toBeGreaterThanOrEqual(24);
    }
  });

  it('is also the `node` that child processes started from PATH get', () => {
    const childVersion = execFileSync('node', ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    expect(childVersion).toBe(process.version);
  });
});
