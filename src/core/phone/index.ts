export * from './find';
export * from './number';
