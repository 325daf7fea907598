// One helper for every suite that needs a database of its own: the store's.
export { connectTestDb } from "../../../store/test/helpers/mongo.js";
