export * from './counter.js';
export { default as greet, name as counterName } from './counter.js';
export * as ns from './shapes.js';
