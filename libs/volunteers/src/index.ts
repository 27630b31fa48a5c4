export * from './volunteers.module';
export * from './volunteers-policy';
export * from './volunteers/volunteers.service';
export * from './shifts/shift-events';
export * from './shifts/shifts.service';
export * from './shifts/shift-swaps.service';
export * from './trajectories/trajectories.service';
export * from './reports/reports.service';
