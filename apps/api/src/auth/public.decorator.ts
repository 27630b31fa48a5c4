import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'oefenkansen:isPublic';

/** Marks an operation anyone may call without logging in (the public schedule, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
