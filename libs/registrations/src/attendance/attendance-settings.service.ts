import { Injectable } from '@nestjs/common';
import { Actor, validate } from '@app/common';
import { registrationPolicy } from '../registration-policy';
import { AppSettingsRepository } from './app-settings.repository';

const NO_SHOW_THRESHOLD_KEY = 'registrations.noShowFlagThreshold';
export const DEFAULT_NO_SHOW_FLAG_THRESHOLD = 3;

/** After this many no-shows in a row a participant is flagged, so a host calls before the next session. */
@Injectable()
export class AttendanceSettingsService {
  constructor(private readonly settings: AppSettingsRepository) {}

  async noShowFlagThreshold(): Promise<number> {
    const row = await this.settings.find(NO_SHOW_THRESHOLD_KEY);
    return typeof row?.value === 'number' ? row.value : DEFAULT_NO_SHOW_FLAG_THRESHOLD;
  }

  async setNoShowFlagThreshold(actor: Actor | null, threshold: number): Promise<number> {
    const by = registrationPolicy.requireCoordinator(actor, 'change the no-show threshold');
    const value = validate.int('threshold', threshold, 1, 20);
    await this.settings.upsert(NO_SHOW_THRESHOLD_KEY, value, by.userId);
    return value;
  }
}
