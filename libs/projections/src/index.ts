export * from './account-states';
export * from './plan-document';
export * from './project-event';
export * from './projection-batch';
export * from './projector';
export * from './read-models';
export * from './scheduled-actions';
