import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The heap limits production runs with (README, "Memory") are written twice: in the npm start
 * scripts and in the Docker image's NODE_OPTIONS. They must be the same, for both processes.
 */
describe('heap limits', () => {
  const root = join(__dirname, '..');
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const flagsOf = (command: string) => command.split(/\s+/).filter((part) => part.startsWith('--'));

  it('caps the old space and the semi-spaces of the API and the worker alike, in npm run start:* and in the Docker image', () => {
    const api = flagsOf(scripts['start:api']);
    expect(api).toEqual([expect.stringMatching(/^--max-old-space-size=\d+$/), expect.stringMatching(/^--max-semi-space-size=\d+$/)]);
    expect(flagsOf(scripts['start:worker'])).toEqual(api);
    const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
    const nodeOptions = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile)?.[1];
    expect(nodeOptions && flagsOf(nodeOptions)).toEqual(api);
  });
});
