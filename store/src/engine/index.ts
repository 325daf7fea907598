export {
  connectStore,
  mongoIsHealthy,
  type ConnectOptions,
  type StoreConnection,
} from "./connect.js";
export { guardsAreAtomic, findByIds, updateByIdStatement } from "./capabilities.js";
export {
  isTransient,
  retryTransient,
  persistently,
  isDuplicateKey,
  onDuplicateKey,
  insertedDespiteDuplicates,
  ignoreDuplicateKeys,
} from "./retry.js";
export { KeyedQueue } from "./keyed-queue.js";
export { CounterBatcher } from "./counter-batcher.js";
export { conditionToMongo, type MongoFilter } from "./filters.js";
export { sumBy, type GroupSum } from "./sums.js";
