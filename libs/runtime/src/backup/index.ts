export * from './backup-manifest';
export * from './embedded-backup';
