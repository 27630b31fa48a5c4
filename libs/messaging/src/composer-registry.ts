import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MESSAGE_KINDS_METADATA, type MessageComposer } from './composers';
import { MESSAGE_KINDS } from './templates/message-kinds';

export interface FoundComposer {
  className: string;
  kinds: readonly string[];
  composer: MessageComposer;
}

/**
 * Kind → composer, or every reason it cannot be: a catalogue kind nobody composes, a kind two
 * providers claim, a claimed kind the catalogue has no words for. One error names them all.
 */
export function composerTable(found: readonly FoundComposer[], catalogueKinds: readonly string[]): Map<string, MessageComposer> {
  const table = new Map<string, FoundComposer>();
  const problems: string[] = [];
  for (const entry of found) {
    for (const kind of entry.kinds) {
      const other = table.get(kind);
      if (other) problems.push(`${kind} is composed by both ${other.className} and ${entry.className}`);
      else table.set(kind, entry);
      if (!catalogueKinds.includes(kind)) problems.push(`${entry.className} composes ${kind}, which the catalogue does not have`);
    }
  }
  for (const kind of catalogueKinds) if (!table.has(kind)) problems.push(`${kind} has no composer (a provider marked @ComposesMessages)`);
  if (problems.length > 0) throw new Error(`Message composers: ${problems.join('; ')}`);
  return new Map([...table].map(([kind, entry]) => [kind, entry.composer]));
}

/**
 * Finds every provider marked @ComposesMessages when the modules start, so delivery asks the
 * domain that owns a row's kind to fill it in. Starting fails when the table is incomplete.
 */
@Injectable()
export class ComposerRegistry implements OnModuleInit {
  private readonly logger = new Logger(ComposerRegistry.name);
  private table: Map<string, MessageComposer> | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found: FoundComposer[] = [];
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as MessageComposer | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const kinds = Reflect.getMetadata(MESSAGE_KINDS_METADATA, instance.constructor) as string[] | undefined;
      if (kinds) found.push({ className: instance.constructor.name, kinds, composer: instance });
    }
    this.table = composerTable(found, MESSAGE_KINDS);
    for (const entry of found) this.logger.log(`${entry.className} composes ${entry.kinds.join(', ')}`);
  }

  composerOf(kind: string): MessageComposer {
    if (!this.table) throw new Error('message composers looked up before the application started');
    const composer = this.table.get(kind);
    if (!composer) throw new Error(`no composer for message kind ${kind}`);
    return composer;
  }
}
