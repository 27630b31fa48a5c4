import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ComposerRegistry, composerTable, type FoundComposer } from './composer-registry';
import { ComposesMessages, type Composition, type MessageComposer } from './composers';
import { MESSAGE_KINDS } from './templates/message-kinds';

const composer = (): MessageComposer => ({ compose: async (): Promise<Composition> => ({ stale: 'test' }) });
const found = (className: string, ...kinds: string[]): FoundComposer => ({ className, kinds, composer: composer() });

describe('composer table', () => {
  it('maps every kind of the catalogue to the one composer that claims it', () => {
    const a = found('A', 'X', 'Y');
    const b = found('B', 'Z');
    const table = composerTable([a, b], ['X', 'Y', 'Z']);
    expect(table.get('X')).toBe(a.composer);
    expect(table.get('Z')).toBe(b.composer);
  });

  it('refuses a catalogue kind that nobody composes, a kind two claim, and a kind the catalogue lacks, naming each', () => {
    expect(() => composerTable([found('A', 'X', 'Q'), found('B', 'X')], ['X', 'Y'])).toThrow(
      'Message composers: A composes Q, which the catalogue does not have; X is composed by both A and B; Y has no composer (a provider marked @ComposesMessages)',
    );
  });
});

@Injectable()
@ComposesMessages(...MESSAGE_KINDS.slice(0, 3))
class FirstKinds implements MessageComposer {
  async compose(): Promise<Composition> {
    return { stale: 'first' };
  }
}

@Injectable()
@ComposesMessages(...MESSAGE_KINDS.slice(3))
class OtherKinds implements MessageComposer {
  async compose(): Promise<Composition> {
    return { stale: 'other' };
  }
}

@Injectable()
@ComposesMessages(MESSAGE_KINDS[0])
class SecondOfTheFirst implements MessageComposer {
  async compose(): Promise<Composition> {
    return { stale: 'second' };
  }
}

async function boot(...providers: (new () => MessageComposer)[]) {
  const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [ComposerRegistry, ...providers] }).compile();
  await module.init();
  return module;
}

describe('ComposerRegistry at start-up', () => {
  it('finds the providers marked @ComposesMessages and hands delivery the one of a row kind', async () => {
    const module = await boot(FirstKinds, OtherKinds);
    const registry = module.get(ComposerRegistry);
    expect(registry.composerOf(MESSAGE_KINDS[0])).toBe(module.get(FirstKinds));
    expect(registry.composerOf(MESSAGE_KINDS[MESSAGE_KINDS.length - 1])).toBe(module.get(OtherKinds));
    expect(() => registry.composerOf('NOT_A_KIND')).toThrow('no composer for message kind NOT_A_KIND');
    await module.close();
  });

  it('refuses to start when a kind of the catalogue has no composer', async () => {
    await expect(boot(FirstKinds)).rejects.toThrow(`${MESSAGE_KINDS[3]} has no composer`);
  });

  it('refuses to start when a kind has two composers', async () => {
    await expect(boot(FirstKinds, OtherKinds, SecondOfTheFirst)).rejects.toThrow(`${MESSAGE_KINDS[0]} is composed by both`);
  });
});
